using System.Diagnostics;
using System.Globalization;
using EGov.Hosting;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>What one run of the built host's command line printed and returned.</summary>
public sealed record HostCommandResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + "\n" + Stderr;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs the built host (<c>dotnet EGov.Host.dll ...</c>) as an operator does, in a child process with only the
/// settings given: none inherited from the test run's configuration.
/// </summary>
public static class HostCommand
{
    public static string Dll => Path.Combine(RepositoryPaths.Root, "host", "EGov.Host", "bin", RepositoryPaths.Configuration, "net10.0", "EGov.Host.dll");

    /// <summary>A production configuration on <paramref name="connectionString"/>: what the docs tell an operator to set.</summary>
    public static Dictionary<string, string> Production(string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__egov"] = connectionString,
        ["Auth__Authority"] = "https://login.example.test/realms/egov",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Loopback.FreeTcpPort()}",
        ["Silo__Port"] = Loopback.FreeTcpPort().ToString(CultureInfo.InvariantCulture),
        ["Silo__GatewayPort"] = Loopback.FreeTcpPort().ToString(CultureInfo.InvariantCulture),
    };

    public static async Task<HostCommandResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        Assert.True(File.Exists(Dll), $"Build the host first: {Dll}");
        var psi = new ProcessStartInfo("dotnet", [Dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            psi.Environment.Remove(key);
        }

        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return new HostCommandResult(process.ExitCode, await stdout, await stderr);
    }
}
