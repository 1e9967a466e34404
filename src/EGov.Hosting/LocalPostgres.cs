using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace EGov.Hosting;

/// <summary>
/// A project-local PostgreSQL server started from the machine's own binaries, for development and tests when no
/// connection string is configured. PostgreSQL refuses to run as root, so when the caller is root the server runs
/// as the unprivileged <c>postgres</c> user. The server is stopped when this object is disposed; a server left
/// running by a killed process is found through its <c>postmaster.pid</c> and reused.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private readonly string _binDir;
    private readonly bool _ownsServer;
    private readonly string? _startOptions;

    private LocalPostgres(string dataDir, string binDir, int port, bool ownsServer, string? startOptions = null)
    {
        DataDirectory = dataDir;
        _binDir = binDir;
        Port = port;
        _ownsServer = ownsServer;
        _startOptions = startOptions;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    /// <summary>A connection string to the server's <c>postgres</c> maintenance database.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Pooling = true,
            MaxPoolSize = 100,
        }.ConnectionString;

    /// <summary>Starts (or reuses) a server whose data lives in <paramref name="dataDir"/>.</summary>
    /// <param name="dataDir">The data folder; created and initialised on first use.</param>
    /// <param name="durable">False turns fsync and synchronous commit off: for tests only, never for benchmarks.</param>
    public static async Task<LocalPostgres> StartAsync(string dataDir, bool durable, CancellationToken cancellationToken = default)
    {
        var binDir = FindBinDirectory();
        dataDir = Path.GetFullPath(dataDir);
        var asRoot = Environment.IsPrivilegedProcess;

        if (File.Exists(Path.Combine(dataDir, "postmaster.pid")) &&
            await RunAsync(binDir, asRoot, cancellationToken, "pg_ctl", "status", "-D", dataDir).ConfigureAwait(false) == 0)
        {
            var port = int.Parse(File.ReadLines(Path.Combine(dataDir, "postmaster.pid")).ElementAt(3), CultureInfo.InvariantCulture);
            return new LocalPostgres(dataDir, binDir, port, ownsServer: false);
        }

        if (!File.Exists(Path.Combine(dataDir, "PG_VERSION")))
        {
            Directory.CreateDirectory(dataDir);
            if (asRoot)
            {
                await ChownAsync(dataDir, cancellationToken).ConfigureAwait(false);
            }

            var code = await RunAsync(binDir, asRoot, cancellationToken, "initdb", "-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions").ConfigureAwait(false);
            if (code != 0)
            {
                throw new InvalidOperationException($"initdb failed for {dataDir} (exit {code}).");
            }
        }

        var freePort = Loopback.FreeTcpPort();
        var options = string.Join(' ',
            "-c listen_addresses=127.0.0.1",
            $"-c port={freePort}",
            $"-c unix_socket_directories={dataDir}",
            "-c max_connections=300",
            "-c shared_buffers=256MB",
            durable ? string.Empty : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        var started = await RunAsync(binDir, asRoot, cancellationToken, "pg_ctl", "start", "-w", "-t", "60", "-D", dataDir,
            "-l", Path.Combine(dataDir, "server.log"), "-o", options).ConfigureAwait(false);
        if (started != 0)
        {
            throw new InvalidOperationException($"PostgreSQL did not start from {dataDir} (exit {started}); see {Path.Combine(dataDir, "server.log")}.");
        }

        return new LocalPostgres(dataDir, binDir, freePort, ownsServer: true, options);
    }

    /// <summary>
    /// Stops the server as an operator's fast shutdown does (sessions get 57P01, new connections are refused), for
    /// tests of a database outage. Connection pools are left as they are: the clients must find out for themselves.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        EnsureOwned();
        var code = await RunAsync(_binDir, Environment.IsPrivilegedProcess, cancellationToken, "pg_ctl", "stop", "-m", "fast", "-w", "-D", DataDirectory).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"pg_ctl stop failed for {DataDirectory} (exit {code}).");
        }
    }

    /// <summary>Starts a server stopped with <see cref="StopAsync"/> again, on the same port.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        EnsureOwned();
        var code = await RunAsync(_binDir, Environment.IsPrivilegedProcess, cancellationToken, "pg_ctl", "start", "-w", "-t", "60", "-D", DataDirectory,
            "-l", Path.Combine(DataDirectory, "server.log"), "-o", _startOptions!).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"PostgreSQL did not start again from {DataDirectory} (exit {code}).");
        }
    }

    private void EnsureOwned()
    {
        if (!_ownsServer || _startOptions is null)
        {
            throw new InvalidOperationException("Only a server this object started can be stopped and started again.");
        }
    }

    /// <summary>Creates a fresh database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var conn = new NpgsqlConnection(ConnectionString);
        await using (conn.ConfigureAwait(false))
        {
            await conn.OpenAsync(cancellationToken).ConfigureAwait(false);
            var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", string.Empty, StringComparison.Ordinal)}\"", conn);
            await using (cmd.ConfigureAwait(false))
            {
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return ConnectionStringFor(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_ownsServer)
        {
            var asRoot = Environment.IsPrivilegedProcess;
            await RunAsync(_binDir, asRoot, CancellationToken.None, "pg_ctl", "stop", "-m", "fast", "-w", "-D", DataDirectory).ConfigureAwait(false);
        }
    }

    private static string FindBinDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable("EGOV_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "pg_ctl")))
        {
            return fromEnv;
        }

        var root = "/usr/lib/postgresql";
        if (Directory.Exists(root))
        {
            var newest = Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        throw new InvalidOperationException(
            "No PostgreSQL server binaries found under /usr/lib/postgresql/*/bin. Install them (apt-get install -y postgresql) " +
            "or configure ConnectionStrings:egov.");
    }

    private static async Task ChownAsync(string dir, CancellationToken ct)
    {
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", $"{ServiceUser}:", dir]) { UseShellExecute = false })!;
        await chown.WaitForExitAsync(ct).ConfigureAwait(false);
        using var chmod = Process.Start(new ProcessStartInfo("chmod", ["700", dir]) { UseShellExecute = false })!;
        await chmod.WaitForExitAsync(ct).ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(string binDir, bool asRoot, CancellationToken ct, string tool, params string[] args)
    {
        var exe = Path.Combine(binDir, tool);
        var psi = asRoot
            ? new ProcessStartInfo("runuser", ["-u", ServiceUser, "--", exe, .. args])
            : new ProcessStartInfo(exe, args);
        psi.UseShellExecute = false;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        // pg_ctl start leaves the server running with our pipes as its stdout: never wait for them to close.
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        if (process.ExitCode != 0 && tool != "pg_ctl")
        {
            await Console.Error.WriteLineAsync(await stderr.ConfigureAwait(false)).ConfigureAwait(false);
        }

        return process.ExitCode;
    }
}
