using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace EGov.Benchmarks;

/// <summary>
/// Fills the read model for the due-window query benchmark in a minute or two instead of the storm's quarter hour:
/// one dossier is written through the product's own write path (<see cref="StormSeeder"/>: events, inline
/// projection, schema), then its document is copied a million times with SQL, varying id, code, applicant, unit and
/// due instant. Only the document table is filled: the list endpoint reads nothing else (no streams, no alarms).
/// </summary>
public static class DueWindowSeeder
{
    private const string Table = "egov.mt_doc_dossierstate";

    /// <summary>The background's units: the query's unit holds a share of them too, spread over the months.</summary>
    private static readonly string[] Units =
        [DeadlineStorm.QueryUnit, "BENCH-U01", "BENCH-U02", "BENCH-U03", "BENCH-U04", "BENCH-U05", "BENCH-U06", "BENCH-U07", "BENCH-U08", "BENCH-U09"];

    public static async Task<string> SeedAsync(string db, StormOptions o, DateTimeOffset w0, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using (var seeder = StormSeeder.Start(db))
        {
            // Dossier 0 is of the query's unit; due far ahead so that its real alarms never fire during the run.
            await seeder.SeedAsync(0, 1, 1, _ => DateTimeOffset.UtcNow.AddDays(365), _ => { }, ct);
        }

        var template = clock.Elapsed.TotalSeconds;
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, "SET TimeZone = 'UTC'; SET maintenance_work_mem = '256MB'", ct);

        // Building the indexes once after the load is several times faster than maintaining them row by row.
        var indexes = await ReadListAsync(connection,
            $"SELECT indexdef FROM pg_indexes WHERE schemaname || '.' || tablename = '{Table}' "
            + "AND indexname NOT IN (SELECT conname FROM pg_constraint)", ct);
        var names = await ReadListAsync(connection,
            $"SELECT schemaname || '.' || indexname FROM pg_indexes WHERE schemaname || '.' || tablename = '{Table}' "
            + "AND indexname NOT IN (SELECT conname FROM pg_constraint)", ct);
        foreach (var name in names)
        {
            await ExecuteAsync(connection, $"DROP INDEX {name}", ct);
        }

        await InsertCopiesAsync(connection, o, w0, ct);
        var inserted = clock.Elapsed.TotalSeconds;
        foreach (var index in indexes)
        {
            await ExecuteAsync(connection, index, ct);
        }

        // Steady state as autovacuum leaves it after a bulk insert (visibility map set, statistics fresh)...
        await ExecuteAsync(connection, $"VACUUM (ANALYZE) {Table}", ct);
        var indexed = clock.Elapsed.TotalSeconds;

        // ...then the storm's aftermath: every dossier of the window got its overdue flag, i.e. a new row version
        // the visibility map does not cover yet, as the storm benchmark's query met them.
        await ExecuteAsync(connection,
            $"UPDATE {Table} SET data = jsonb_set(data, '{{overdue}}', 'true'), mt_last_modified = now() "
            + $"WHERE unit = '{DeadlineStorm.QueryUnit}' AND due_at >= @w0 AND due_at < @w1", ct,
            ("w0", w0), ("w1", w0.AddMinutes(o.WindowMinutes)));
        await ExecuteAsync(connection, $"ANALYZE {Table}", ct);
        return string.Create(CultureInfo.InvariantCulture,
            $"template through the write path {template:F0} s, {o.Dossiers:N0} copies inserted by {inserted:F0} s, {indexes.Count} indexes rebuilt and vacuumed by {indexed:F0} s, window flagged overdue by {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// Copies 0..WINDOW-1 are of the query's unit, evenly due across the window; the others cycle through
    /// <see cref="Units"/>, due across six months around it. Unit names are replaced everywhere in the document
    /// (unit, involved units, steps), so each copy is a consistent dossier of its unit.
    /// </summary>
    private static async Task InsertCopiesAsync(NpgsqlConnection connection, StormOptions o, DateTimeOffset w0, CancellationToken ct)
    {
        var columns = await ReadListAsync(connection,
            $"SELECT column_name FROM information_schema.columns WHERE table_schema || '.' || table_name = '{Table}' ORDER BY ordinal_position", ct);
        var values = columns.Select(c => c switch
        {
            "id" => "s.id",
            "data" => "s.data",
            "unit" => "s.unit",
            "due_at" => "s.due",
            _ => "t." + c,
        });
        var sql = $"""
            WITH t AS (SELECT * FROM {Table} LIMIT 1),
            templates AS (
                SELECT u.unit, replace(t.data::text, '"{DeadlineStorm.QueryUnit}"', '"' || u.unit || '"')::jsonb AS data
                FROM t, unnest(@units) AS u(unit)),
            g AS (
                SELECT i, md5('egov-bench-query-' || i)::uuid AS id,
                    CASE WHEN i < @window THEN '{DeadlineStorm.QueryUnit}' ELSE (@units)[1 + (i % cardinality(@units))] END AS unit,
                    CASE WHEN i < @window THEN @w0 + make_interval(secs => i * @windowSeconds / @window)
                         ELSE @w0 - interval '90 days' + make_interval(secs => (i - @window) * 15552000.0 / greatest(1, @count - @window)) END AS due
                FROM generate_series(0, @count - 1) AS i),
            s AS (
                SELECT g.id, g.unit, g.due,
                    -- One top-level merge per row: each jsonb_set would rewrite the whole document again.
                    p.data || jsonb_build_object(
                        'id', g.id,
                        'code', 'BENCH-Q-' || lpad(g.i::text, 7, '0'),
                        'applicant', (p.data -> 'applicant') || jsonb_build_object('idNumber', lpad(g.i::text, 12, '0')),
                        'dueAt', g.due,
                        'stepDueAt', g.due) AS data
                FROM g JOIN templates p ON p.unit = g.unit)
            INSERT INTO {Table} ({string.Join(", ", columns)})
            SELECT {string.Join(", ", values)} FROM s, t
            """;
        var templateId = (await ReadListAsync(connection, $"SELECT id::text FROM {Table}", ct)).Single();
        await ExecuteAsync(connection, sql, ct,
            ("units", Units), ("window", o.Window), ("count", o.Dossiers), ("w0", w0), ("windowSeconds", o.WindowMinutes * 60.0));

        // The template itself is not part of the population.
        await ExecuteAsync(connection, $"DELETE FROM {Table} WHERE id = @id::uuid", ct, ("id", templateId));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<string>> ReadListAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }
}
