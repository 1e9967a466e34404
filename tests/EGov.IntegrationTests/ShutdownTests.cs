using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EGov.Hosting;
using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests;

/// <summary>
/// Issue 13 point 10 c: with PostgreSQL unreachable, SIGTERM stops the host promptly. The host runs as a child
/// process (the published entry point, as an operator starts it) against a loopback "server" that accepts TCP
/// connections and never answers, so every connection attempt hangs until Npgsql's connect timeout (60 s here).
/// </summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Sigterm_stops_a_host_that_waits_for_an_unreachable_database_within_the_bound()
    {
        var ct = TestContext.Current.CancellationToken;
        using var silent = new TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        var accepting = AcceptForeverAsync(silent, accepted, ct);
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var dll = Path.Combine(RepositoryPaths.Root, "host", "EGov.Host", "bin", RepositoryPaths.Configuration, "net10.0", "EGov.Host.dll");
        Assert.True(File.Exists(dll), $"{dll} not built");
        var psi = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Loopback.FreeTcpPort()}";
        psi.Environment["ConnectionStrings__egov"] = $"Host=127.0.0.1;Port={port};Username=postgres;Database=egov;Timeout=60";
        psi.Environment["Auth__Authority"] = "https://login.example.test/realms/egov";
        psi.Environment["Silo__Port"] = Loopback.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["Silo__GatewayPort"] = Loopback.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var host = Process.Start(psi)!;
        host.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        host.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            // Start-up is under way once it has asked the "database" for a connection.
            var waited = Stopwatch.StartNew();
            while (accepted.Count == 0 && !host.HasExited && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100, ct);
            }

            if (host.HasExited)
            {
                Assert.Fail($"the host exited early ({host.ExitCode}):\n{string.Join('\n', output)}");
            }

            Assert.NotEmpty(accepted);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);

            var stopwatch = Stopwatch.StartNew();
            using (var term = Process.Start("kill", ["-TERM", host.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync(ct);
            }

            using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bound.CancelAfter(Bound);
            try
            {
                await host.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Assert.Fail($"the host was still running {Bound.TotalSeconds} s after SIGTERM:\n{string.Join('\n', output.TakeLast(40))}");
            }

            Assert.True(stopwatch.Elapsed < Bound, $"stopped after {stopwatch.Elapsed.TotalSeconds:F1} s");
            Assert.Equal(0, host.ExitCode);
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }

            silent.Stop();
            foreach (var socket in accepted)
            {
                socket.Dispose();
            }

            await accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
    }

    // Accepts and holds every connection without a byte in reply: a server that is there and does not answer.
    private static async Task AcceptForeverAsync(TcpListener listener, List<Socket> accepted, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var socket = await listener.AcceptSocketAsync(ct);
            lock (accepted)
            {
                accepted.Add(socket);
            }
        }
    }
}
