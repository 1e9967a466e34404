using System.Diagnostics;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>Runs the .NET CLI as a developer would (build, pack, new, publish) and fails the test with its output.</summary>
internal static class DotnetCli
{
    public static async Task RunAsync(string workingDirectory, params string[] arguments)
    {
        var psi = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The CLI's own first-run banner and telemetry prompt are noise in a test's output.
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}) in {workingDirectory}:\n{await output}\n{await error}");
    }
}
