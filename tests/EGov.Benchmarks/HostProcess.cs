using System.Diagnostics;
using System.Net;
using EGov.Hosting;

namespace EGov.Benchmarks;

/// <summary>
/// The EGov host running as a child process, as in production: its own runtime, GC and thread pool, so the load
/// generator's work is not mixed into the host's. Its console output goes to a log file (the pipe must be drained
/// or the host would block on a full pipe); the last lines are kept to explain a failed start.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string HostDllVariable = "EGOV_BENCH_HOST_DLL";
    private const string RelativeDll = "host/EGov.Host/bin/Release/net10.0/EGov.Host.dll";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();
    private bool _logClosed;

    private HostProcess(Process process, Uri baseAddress, string logPath)
    {
        _process = process;
        BaseAddress = baseAddress;
        LogPath = logPath;
        _log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    /// <summary>From <c>Process.Start</c> to the first 200 of <c>/health/ready</c> (polled every 20 ms).</summary>
    public TimeSpan ReadyAfter { get; private set; }

    /// <param name="httpPort">A fixed HTTP port (the chaos benchmark restarts a node on its own ports); a free one when null.</param>
    public static async Task<HostProcess> StartAsync(
        string repositoryRoot, string connectionString, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null,
        int? httpPort = null)
    {
        // EGOV_BENCH_HOST_DLL runs a copy of an earlier build, to measure before and after a change on the same data.
        var dll = Environment.GetEnvironmentVariable(HostDllVariable) is { Length: > 0 } given ? Path.GetFullPath(given) : Path.Combine(repositoryRoot, RelativeDll);
        if (!File.Exists(dll) && dll != Path.Combine(repositoryRoot, RelativeDll))
        {
            throw new FileNotFoundException($"{HostDllVariable} names no file.", dll);
        }

        if (!File.Exists(dll))
        {
            // Built on demand only: rebuilding on every run would pick up half-finished edits of other engineers.
            await BuildHostAsync(repositoryRoot, cancellationToken);
        }

        var port = httpPort ?? Loopback.FreeTcpPort();
        var psi = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, // the content root: appsettings*.json sit next to the dll.
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // needed for POST /api/v1/dev/tokens.
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        psi.Environment["ConnectionStrings__egov"] = connectionString;
        psi.Environment["Silo__Port"] = Loopback.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["Silo__GatewayPort"] = Loopback.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["Demo__Seed"] = "false";
        // The lookup phase measures throughput from one address: lift the per-client limit a public node keeps.
        psi.Environment["PublicLookup__PermitLimit"] = "100000000";
        psi.Environment["PublicLookup__MissLimit"] = "100000000";
        // Per-request Information logs would measure the console, not the platform.
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[name] = value;
        }

        var logPath = Path.Combine(Path.GetTempPath(), $"egov-bench-host-{Guid.NewGuid():N}.log");
        var startedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start the host process.");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"), logPath);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(cancellationToken);
            host.ReadyAfter = Stopwatch.GetElapsedTime(startedAt);
            return host;
        }
        catch (OperationCanceledException)
        {
            // A start abandoned by its caller (the chaos benchmark kills a node while it starts): SIGKILL, no grace.
            host.KillNow();
            await host.DisposeAsync();
            throw;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Last resort for an abrupt exit of the load generator: no child may outlive it.</summary>
    public void KillNow()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>SIGTERM first so that the silo and Wolverine shut down cleanly; the process tree is killed after 15 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                await term!.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                KillNow();
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        lock (_gate)
        {
            _logClosed = true;
            _log.Dispose();
        }
    }

    public string Tail()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _tail);
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < ReadyTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before it was ready. Log {LogPath}:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A health probe timed out while the host is still starting.
            }

            // Short polls: the time to ready is a measured figure (goal: 3 s), a 250 ms poll would round it up.
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        throw new TimeoutException($"The host was not ready within {ReadyTimeout.TotalSeconds:0} s. Log {LogPath}:\n{Tail()}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_tail.Count == 40)
            {
                _tail.Dequeue();
            }

            _tail.Enqueue(line);
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static async Task BuildHostAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        Console.WriteLine($"{RelativeDll} not found: building the host (Release)...");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "host/EGov.Host", "-c", "Release", "--nologo", "-v", "q"])
        {
            WorkingDirectory = repositoryRoot,
            UseShellExecute = false,
        })!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await build.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            build.Kill(entireProcessTree: true);
            throw;
        }

        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the host failed (exit {build.ExitCode}).");
        }
    }
}
