using System.Diagnostics;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>Runs the .NET CLI as a developer would (build, pack, new, publish) and fails the test with its output.</summary>
internal static class DotnetCli
{
    /// <summary>A CLI run that hangs (a restore waiting on a feed, a publish on a registry) fails instead of holding the suite.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    public static Task<string> RunAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>Runs <c>dotnet</c> with the arguments and extra environment; returns its output, or fails the test with it.</summary>
    public static async Task<string> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
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
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }

        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var text = await output + "\n" + await error;
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}) in {workingDirectory}:\n{text}");
        return text;
    }
}
