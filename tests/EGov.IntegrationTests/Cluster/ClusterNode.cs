using System.Diagnostics;
using System.Globalization;
using System.Net;
using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests.Cluster;

/// <summary>
/// One node of a real cluster: the built host run as its own process (its own runtime, silo and Kestrel), as an
/// operator runs it, so that it can be stopped with SIGTERM or killed with SIGKILL and started again on the same
/// ports. Its console output is kept (last lines) to explain a failure.
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();
    private Process? _process;

    public ClusterNode(string name, int httpPort, int siloPort, int gatewayPort, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        HttpPort = httpPort;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        _environment = environment;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    public string Name { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public Uri BaseAddress { get; }

    /// <summary>The silo's address as Orleans prints it, without the generation: <c>127.0.0.1:port</c>.</summary>
    public string SiloEndpoint => $"127.0.0.1:{SiloPort.ToString(CultureInfo.InvariantCulture)}";

    public bool IsRunning => _process is { HasExited: false };

    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>Starts the process; with <paramref name="waitUntilReady"/>, returns once <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync(bool waitUntilReady = true)
    {
        var dll = Path.Combine(RepositoryPaths.Root, "host", "EGov.Host", "bin", RepositoryPaths.Configuration, "net10.0", "EGov.Host.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the solution first: the cluster tests run the built host.", dll);
        }

        var psi = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (k, v) in _environment)
        {
            psi.Environment[k] = v;
        }

        psi.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        psi.Environment["Silo__Port"] = SiloPort.ToString(CultureInfo.InvariantCulture);
        psi.Environment["Silo__GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture);
        lock (_gate)
        {
            _tail.Clear();
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start node {Name}.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        if (waitUntilReady)
        {
            await WaitUntilReadyAsync();
        }
    }

    public async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < ReadyTimeout)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"Node {Name} exited (code {_process?.ExitCode}) before it was ready:\n{Tail()}");
            }

            if (await ReadyStatusAsync(http) == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Node {Name} was not ready within {ReadyTimeout.TotalSeconds:0} s:\n{Tail()}");
    }

    /// <summary>What <c>/health/ready</c> answers now; null when nothing answers.</summary>
    public async Task<HttpStatusCode?> ReadyStatusAsync(HttpClient? client = null)
    {
        using var own = client is null ? new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) } : null;
        try
        {
            using var response = await (client ?? own!).GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: no shutdown at all, as when a machine loses power.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
    }

    /// <summary>Sends SIGTERM, as an orchestrator or <c>systemctl stop</c> does; does not wait.</summary>
    public void Terminate()
    {
        if (_process is { HasExited: false } p)
        {
            using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
            term.WaitForExit();
        }
    }

    /// <summary>Waits for the process to leave; false when it did not within <paramref name="limit"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        if (_process is null)
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public string Tail()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _tail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            Terminate();
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(20)))
            {
                Kill();
            }
        }

        _process.Dispose();
        _process = null;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_tail.Count == 200)
            {
                _tail.Dequeue();
            }

            _tail.Enqueue(line);
        }
    }
}
