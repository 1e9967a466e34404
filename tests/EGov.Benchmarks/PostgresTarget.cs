using EGov.Hosting;
using Npgsql;

namespace EGov.Benchmarks;

/// <summary>
/// The PostgreSQL server under both the host and the raw baseline: a durable local server in a throw-away data
/// folder, or the server named by <c>EGOV_BENCH_POSTGRES</c>. Host and baseline each get a fresh database on the
/// same server, so they compete for the same disk and WAL with the same settings.
/// </summary>
public sealed class PostgresTarget : IAsyncDisposable
{
    private readonly LocalPostgres? _local;
    private readonly string? _dataDirectory;
    private readonly string _maintenance;
    private readonly List<string> _created = [];

    private PostgresTarget(LocalPostgres? local, string? dataDirectory, string maintenance)
    {
        _local = local;
        _dataDirectory = dataDirectory;
        _maintenance = maintenance;
    }

    public string Description { get; private init; } = string.Empty;

    /// <summary>The data folder of a server this run started (its postmaster's pid is read from it); null for a given server.</summary>
    public string? DataDirectory => _dataDirectory;

    public static async Task<PostgresTarget> StartAsync(string? connectionString, CancellationToken cancellationToken)
    {
        if (connectionString is not null)
        {
            return new PostgresTarget(null, null, connectionString) { Description = "given by EGOV_BENCH_POSTGRES" };
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), $"egov-bench-pg-{Guid.NewGuid():N}");
        try
        {
            // durable: true keeps fsync and synchronous_commit on; a benchmark without them measures RAM, not a database.
            var local = await LocalPostgres.StartAsync(dataDirectory, durable: true, cancellationToken);
            return new PostgresTarget(local, dataDirectory, local.ConnectionString) { Description = $"local, data in {dataDirectory}" };
        }
        catch
        {
            TryDelete(dataDirectory);
            throw;
        }
    }

    /// <summary>The maintenance database's connection string (monitoring queries run there).</summary>
    public string Maintenance => _maintenance;

    /// <summary>
    /// Loads <c>pg_stat_statements</c> so that statements and <c>DISCARD ALL</c> checkouts can be counted: on a
    /// server of this run's own it is preloaded with ALTER SYSTEM and a restart (before any database exists); on a
    /// given server it is used only if already preloaded. False when not available: the counts are then left out.
    /// </summary>
    public async Task<bool> EnableStatementStatisticsAsync(CancellationToken cancellationToken)
    {
        if (_local is not null)
        {
            await using (var conn = new NpgsqlConnection(_maintenance))
            {
                await conn.OpenAsync(cancellationToken);
                await using var cmd = new NpgsqlCommand("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'", conn);
                await cmd.ExecuteNonQueryAsync(cancellationToken);
            }

            NpgsqlConnection.ClearAllPools();
            await _local.StopAsync(cancellationToken);
            await _local.StartAgainAsync(cancellationToken);
        }

        try
        {
            await using var conn = new NpgsqlConnection(_maintenance);
            await conn.OpenAsync(cancellationToken);
            await using var cmd = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT count(*) FROM pg_stat_statements", conn);
            await cmd.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (PostgresException ex)
        {
            await Console.Error.WriteLineAsync($"pg_stat_statements is not available ({ex.MessageText}); statements and checkouts will not be counted.");
            return false;
        }
    }

    /// <summary>Creates a fresh database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        string result;
        if (_local is not null)
        {
            result = await _local.CreateDatabaseAsync(name, cancellationToken);
        }
        else
        {
            await using var conn = new NpgsqlConnection(_maintenance);
            await conn.OpenAsync(cancellationToken);
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
            result = new NpgsqlConnectionStringBuilder(_maintenance) { Database = name }.ConnectionString;
        }

        _created.Add(name);
        return result;
    }

    /// <summary>A connection string to a database made by an earlier run (on a server of one's own), left as found.</summary>
    public string Existing(string name) => new NpgsqlConnectionStringBuilder(_maintenance) { Database = name }.ConnectionString;

    /// <summary>Leaves a database this run created in place, to measure it again later.</summary>
    public void Keep(string name) => _created.Remove(name);

    /// <summary>Version and the settings that decide what a commit costs, read back from the server itself.</summary>
    public async Task<ServerFacts> ReadFactsAsync(CancellationToken cancellationToken)
    {
        await using var conn = new NpgsqlConnection(_maintenance);
        await conn.OpenAsync(cancellationToken);
        async Task<string> Show(string setting)
        {
            await using var cmd = new NpgsqlCommand($"SHOW {setting}", conn);
            return (string)(await cmd.ExecuteScalarAsync(cancellationToken))!;
        }

        return new ServerFacts(await Show("server_version"), await Show("fsync"), await Show("synchronous_commit"),
            await Show("full_page_writes"), await Show("wal_sync_method"), await Show("shared_buffers"), await Show("max_connections"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_local is not null)
        {
            await _local.DisposeAsync();
            TryDelete(_dataDirectory!);
            return;
        }

        // Someone else's server: leave it as found.
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var conn = new NpgsqlConnection(_maintenance);
            await conn.OpenAsync();
            foreach (var name in _created)
            {
                await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException ex)
        {
            await Console.Error.WriteLineAsync($"Could not drop the benchmark databases ({string.Join(", ", _created)}): {ex.Message}");
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not delete {directory}: {ex.Message}");
        }
    }
}
