using Npgsql;

namespace EGov.Benchmarks;

/// <summary>
/// What PostgreSQL did for one database during a window: commits (<c>pg_stat_database.xact_commit</c>), WAL bytes
/// (<c>pg_current_wal_lsn()</c>, server-wide: nothing else writes during a phase), and statement executions from
/// <c>pg_stat_statements</c> (reset at the start of the window), among them <c>DISCARD ALL</c>, which Npgsql sends
/// once per pooled-connection checkout, so its count is the number of checkouts. PostgreSQL 15 flushes a backend's
/// counters at most once a second, so each edge of a window may be off by up to a second of work.
/// </summary>
public sealed class DatabaseCounters(string maintenanceConnectionString, string database, bool statementsAvailable)
{
    public bool StatementsAvailable => statementsAvailable;

    public async Task<Snapshot> StartAsync(CancellationToken cancellationToken)
    {
        await using var conn = await OpenAsync(cancellationToken);
        if (statementsAvailable)
        {
            await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", conn);
            await reset.ExecuteNonQueryAsync(cancellationToken);
        }

        return await ReadAsync(conn, cancellationToken);
    }

    public async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await using var conn = await OpenAsync(cancellationToken);
        return await ReadAsync(conn, cancellationToken);
    }

    /// <summary>The statements run in the database since the last reset, most called first (for the report).</summary>
    public async Task<IReadOnlyList<StatementCount>> TopStatementsAsync(int count, CancellationToken cancellationToken)
    {
        if (!statementsAvailable)
        {
            return [];
        }

        await using var conn = await OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(
            """
            SELECT s.calls, s.total_exec_time, s.total_plan_time, left(regexp_replace(s.query, '\s+', ' ', 'g'), 160)
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = $1 ORDER BY s.calls DESC LIMIT $2
            """, conn);
        cmd.Parameters.AddWithValue(database);
        cmd.Parameters.AddWithValue(count);
        var list = new List<StatementCount>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new StatementCount(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetString(3)));
        }

        return list;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // Pooling off: a pooled monitoring connection would itself send DISCARD ALL into the counts (of another
        // database, but still); and this runs twice a phase.
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(maintenanceConnectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync(cancellationToken);
        return conn;
    }

    private async Task<Snapshot> ReadAsync(NpgsqlConnection conn, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            statementsAvailable
                ? """
                  SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = $1),
                         pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint,
                         (SELECT coalesce(sum(s.calls), 0)::bigint FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1),
                         (SELECT coalesce(sum(s.calls), 0)::bigint FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                          WHERE d.datname = $1 AND upper(s.query) = 'DISCARD ALL')
                  """
                : "SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = $1), pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, 0::bigint, 0::bigint",
            conn);
        cmd.Parameters.AddWithValue(database);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Snapshot(reader.IsDBNull(0) ? 0 : reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>Cumulative counters at one instant; subtract two to get a window's figures.</summary>
    public sealed record Snapshot(long Commits, long WalBytes, long Statements, long Checkouts)
    {
        public static Snapshot operator -(Snapshot end, Snapshot start)
        {
            ArgumentNullException.ThrowIfNull(end);
            ArgumentNullException.ThrowIfNull(start);
            return new Snapshot(end.Commits - start.Commits, end.WalBytes - start.WalBytes, end.Statements - start.Statements, end.Checkouts - start.Checkouts);
        }

        /// <summary>Subtracts, which the operator also does; named for analyzers that want one.</summary>
        public static Snapshot Subtract(Snapshot end, Snapshot start) => end - start;
    }
}

/// <summary>One normalised statement of pg_stat_statements: calls, execution and planning milliseconds in total.</summary>
public sealed record StatementCount(long Calls, double ExecMs, double PlanMs, string Query);
