using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>
/// What the host's pooled connections carry from one use to the next. The pool does not reset a connection when it is
/// returned (No Reset On Close, docs/operations.md "Database sessions"), so anything a session sets survives into the
/// next checkout: this opens every connection the pool may hold at once, from the host's own data source, and asks each
/// session what it holds.
/// </summary>
public static class PooledSessions
{
    // One row per session: each kind of state that outlives a transaction, empty when there is none (the unnamed portal
    // in pg_cursors is this very query).
    private const string StateSql = """
        SELECT pg_backend_pid(),
               (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()),
               (SELECT count(*) FROM pg_listening_channels()),
               (SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema()),
               (SELECT coalesce(string_agg(name, ','), '') FROM pg_settings WHERE source = 'session'),
               (SELECT count(*) FROM pg_prepared_statements WHERE from_sql),
               (SELECT count(*) FROM pg_cursors WHERE name <> '')
        """;

    /// <summary>A line for every session of the pool that holds anything; empty when all are as new.</summary>
    public static async Task<IReadOnlyList<string>> LeftoversAsync(TestHost host, CancellationToken cancellationToken)
    {
        var pool = host.Services.GetRequiredService<NpgsqlDataSource>();

        // The pool hands out its idle connections before it opens new ones, so opening as many as the database has
        // sessions (every pool's, seen from outside) and holding them all reaches every idle one of this pool.
        var outside = new NpgsqlConnectionStringBuilder(host.ConnectionString) { Pooling = false };
        long sessions;
        await using (var connection = new NpgsqlConnection(outside.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
            sessions = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        var held = new List<NpgsqlConnection>();
        var found = new List<string>();
        try
        {
            for (var i = 0; i < sessions + 1; i++)
            {
                held.Add(await pool.OpenConnectionAsync(cancellationToken));
            }

            foreach (var connection in held)
            {
                await using var command = new NpgsqlCommand(StateSql, connection);
                await using var row = await command.ExecuteReaderAsync(cancellationToken);
                await row.ReadAsync(cancellationToken);
                var (locks, channels, temps, settings, prepared, cursors) =
                    (row.GetInt64(1), row.GetInt64(2), row.GetInt64(3), row.GetString(4), row.GetInt64(5), row.GetInt64(6));
                if (locks + channels + temps + prepared + cursors > 0 || settings.Length > 0)
                {
                    found.Add($"session {row.GetInt32(0)}: {locks} advisory locks, {channels} listened channels, {temps} temporary relations, " +
                        $"settings set by the session [{settings}], {prepared} SQL-prepared statements, {cursors} open cursors");
                }
            }
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }

        return found;
    }
}
