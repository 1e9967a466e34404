using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace EGov.Benchmarks;

/// <summary>
/// HAProxy from the machine, configured from the same template as <c>scripts/cluster.sh</c>
/// (<c>scripts/cluster/haproxy.cfg.template</c>), so the benchmark measures the load balancer operators run.
/// </summary>
public sealed class HaproxyProcess : IAsyncDisposable
{
    public const string TemplatePath = "scripts/cluster/haproxy.cfg.template";
    private readonly Process _process;
    private readonly string _configPath;

    private HaproxyProcess(Process process, string configPath, int port)
    {
        _process = process;
        _configPath = configPath;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    /// <summary>The template with its placeholders filled: the listening port, the statistics port and one line per node.</summary>
    public static string Render(string template, int port, int statsPort, IEnumerable<int> nodeHttpPorts) =>
        template
            .Replace("@LB_PORT@", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@STATS_PORT@", statsPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@SERVERS@", string.Join('\n', nodeHttpPorts.Select((p, i) =>
                string.Create(CultureInfo.InvariantCulture, $"    server node{i + 1} 127.0.0.1:{p} check"))), StringComparison.Ordinal);

    public static async Task<HaproxyProcess> StartAsync(string repositoryRoot, IReadOnlyList<int> nodeHttpPorts, CancellationToken cancellationToken)
    {
        var template = await File.ReadAllTextAsync(Path.Combine(repositoryRoot, TemplatePath), cancellationToken);
        var port = EGov.Hosting.Loopback.FreeTcpPort();
        var config = Render(template, port, EGov.Hosting.Loopback.FreeTcpPort(), nodeHttpPorts);
        var configPath = Path.Combine(Path.GetTempPath(), $"egov-chaos-haproxy-{Guid.NewGuid():N}.cfg");
        await File.WriteAllTextAsync(configPath, config, cancellationToken);
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("haproxy", ["-W", "-db", "-f", configPath])
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("haproxy is not installed: apt-get install -y haproxy", ex);
        }

        // Its log lines (warnings only) are drained so a full pipe can never stall it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && line.Contains("ALERT", StringComparison.Ordinal))
            {
                Console.Error.WriteLine("haproxy: " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var lb = new HaproxyProcess(process, configPath, port);
        for (var i = 0; i < 40; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"haproxy exited with code {process.ExitCode}; configuration {configPath}.");
            }

            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port, cancellationToken);
                return lb;
            }
            catch (SocketException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        await lb.DisposeAsync();
        throw new TimeoutException("haproxy did not listen within 4 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        File.Delete(_configPath);
    }
}
