using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using EGov.Hosting;
using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests;

/// <summary>
/// Issue 13 point 10 c: with PostgreSQL unreachable, SIGTERM stops the host promptly (exit 0 within
/// <see cref="Bound"/>), whether it is still starting or had been running. The host runs as a child process (the
/// built entry point, as an operator starts it). "Unreachable while starting" is a loopback server that accepts TCP
/// connections and never answers, so each connection attempt hangs until Npgsql's connect timeout (60 s here).
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

        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var host = StartHost(output, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__egov"] = $"Host=127.0.0.1;Port={port};Username=postgres;Database=egov;Timeout=60",
            ["Auth__Authority"] = "https://login.example.test/realms/egov",
        }, out _);
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

            await TerminateWithinBoundAsync(host, output, ct);
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

    [Fact]
    public async Task Sigterm_stops_a_running_host_whose_database_went_away_within_the_bound()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Path.Combine(Path.GetTempPath(), $"egov-shutdown-pg-{Guid.NewGuid():N}");
        await using var postgres = await LocalPostgres.StartAsync(dir, durable: false, ct);
        var connection = await postgres.CreateDatabaseAsync("egov_shutdown", ct);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var host = StartHost(output, new Dictionary<string, string>
        {
            // Development: the host creates its schema on the fresh database, as the integration tests' hosts do.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__egov"] = connection,
            ["Auth__DevSigningKey"] = TestHost.SigningKey,
        }, out var baseAddress);
        var restarted = false;
        try
        {
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
            var waited = Stopwatch.StartNew();
            while (!await IsReadyAsync(http, ct))
            {
                if (host.HasExited || waited.Elapsed > TimeSpan.FromSeconds(120))
                {
                    Assert.Fail($"the host did not become ready:\n{string.Join('\n', output.TakeLast(40))}");
                }

                await Task.Delay(250, ct);
            }

            await postgres.StopAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(2), ct); // let the agents notice and start retrying
            await TerminateWithinBoundAsync(host, output, ct);
            await postgres.StartAgainAsync(ct);
            restarted = true;
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }

            if (!restarted)
            {
                await postgres.StartAgainAsync(CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            }
        }
    }

    private static async Task<bool> IsReadyAsync(HttpClient http, CancellationToken ct)
    {
        try
        {
            return (await http.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static Process StartHost(System.Collections.Concurrent.ConcurrentQueue<string> output, Dictionary<string, string> environment, out Uri baseAddress)
    {
        var dll = Path.Combine(RepositoryPaths.Root, "host", "EGov.Host", "bin", RepositoryPaths.Configuration, "net10.0", "EGov.Host.dll");
        Assert.True(File.Exists(dll), $"{dll} not built");
        var psi = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, // the content root: appsettings*.json sit next to the dll
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        baseAddress = new Uri($"http://127.0.0.1:{Loopback.FreeTcpPort()}");
        psi.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        psi.Environment["Silo__Port"] = Loopback.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["Silo__GatewayPort"] = Loopback.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["Demo__Seed"] = "false";
        foreach (var (name, value) in environment)
        {
            psi.Environment[name] = value;
        }

        var host = Process.Start(psi)!;
        host.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        host.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        return host;
    }

    private static async Task TerminateWithinBoundAsync(Process host, System.Collections.Concurrent.ConcurrentQueue<string> output, CancellationToken ct)
    {
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
