using System.Diagnostics;
using System.Globalization;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Sweeps;
using Marten;
using Npgsql;

namespace EGov.Benchmarks;

/// <summary>One measured piece: wall time and the CPU of this process and of PostgreSQL meanwhile.</summary>
internal sealed record Piece(string What, long Items, TimeSpan Elapsed, double HostCpu, double PostgresCpu)
{
    public string Describe()
    {
        var thousands = Math.Max(1, Items) / 1000.0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{What}: {Items:N0} in {Elapsed.TotalSeconds:F1} s; CPU host {HostCpu:F1} s + PostgreSQL {PostgresCpu:F1} s = {HostCpu / thousands:F3} + {PostgresCpu / thousands:F3} CPU s per 1,000");
    }
}

/// <summary>
/// The <c>foresight-cost</c> benchmark's floor and breakdown, in the same run as the sweep it judges: PostgreSQL
/// alone reading the same documents (streamed, discarded) and taking the same rows by COPY into a bare table with the
/// live table's indexes built after; and, for where the time goes, the previous sweep's pieces (the narrowed read,
/// Marten's whole deserialization, the upsert of every row) beside the present ones (the raw read, the slim parse,
/// the estimate).
/// </summary>
internal static class ForesightCostFloor
{
    private const string Estimable = "d.is_open AND (d.due_at IS NOT NULL OR d.data ->> 'clockStopped' = 'true')";

    // The narrowing the sweep did before reading documents as stored (RiskRows before issue 19's cost work).
    private const string Narrow =
        "d.data - ARRAY['timeline', 'applicant', 'details', 'documentIds', 'resultDocumentIds', 'raisedAlarms', 'involvedUnits', "
        + "'searchName', 'idempotencyKey', 'intakeFingerprint', 'ratingAnswers', 'apologyDraft']";

    // Documents kept in memory for the host-side pieces (parse, estimate): enough for a steady rate, few enough for RAM.
    private const int Sample = 50_000;

    public static async Task<List<Piece>> MeasureAsync(
        string database, IDocumentStore store, IRiskEstimator estimator, PostgresTarget postgres, string documentTable, CancellationToken cancellationToken)
    {
        var pieces = new List<Piece>();
        // No command timeout: under a loaded machine the COPY of a million rows outlasts the default 30 s.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        pieces.Add(await TimeAsync("floor read: documents as stored, streamed and discarded", postgres,
            () => StreamAsync(connection, $"SELECT d.data FROM {documentTable} d WHERE {Estimable}", cancellationToken)));
        pieces.Add(await TimeAsync("previous read: narrowed documents by id, streamed and discarded", postgres,
            () => StreamAsync(connection, $"SELECT d.id, {Narrow} FROM {documentTable} d WHERE {Estimable} ORDER BY d.id", cancellationToken)));

        // The COPY floor: the sweep's own rows, out of the table and back into a bare one, then its indexes.
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS egov.floor_risk; CREATE TABLE egov.floor_risk (LIKE egov.dossier_risk INCLUDING DEFAULTS)", cancellationToken);
        var rows = new MemoryStream();
        await using (var output = await connection.BeginRawBinaryCopyAsync($"COPY {RiskTable.QualifiedName} TO STDOUT (FORMAT BINARY)", cancellationToken))
        {
            await output.CopyToAsync(rows, cancellationToken);
        }

        var count = await ScalarAsync(connection, $"SELECT count(*) FROM {RiskTable.QualifiedName}", cancellationToken);
        pieces.Add(await TimeAsync("floor write: the same rows by binary COPY into a bare table, then its two indexes", postgres, async () =>
        {
            rows.Position = 0;
            await using (var input = await connection.BeginRawBinaryCopyAsync("COPY egov.floor_risk FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                await rows.CopyToAsync(input, cancellationToken);
            }

            await ExecuteAsync(connection,
                "ALTER TABLE egov.floor_risk ADD PRIMARY KEY (dossier_id); CREATE INDEX ON egov.floor_risk (holding_unit, probability)", cancellationToken);
            return count;
        }));
        pieces.Add(await TimeAsync("previous write: the same rows upserted over the live ones (INSERT … ON CONFLICT DO UPDATE)", postgres, async () =>
        {
            await ExecuteAsync(connection,
                $"INSERT INTO {RiskTable.QualifiedName} SELECT * FROM egov.floor_risk ON CONFLICT (dossier_id) DO UPDATE SET probability = excluded.probability, "
                + "threshold = excluded.threshold, at_risk = excluded.at_risk, overdue = excluded.overdue, expected_remaining_seconds = excluded.expected_remaining_seconds, "
                + "predicted_finish_at = excluded.predicted_finish_at, due_at = excluded.due_at, reasons = excluded.reasons, computed_at = excluded.computed_at, "
                + "code = excluded.code, unit = excluded.unit, holding_unit = excluded.holding_unit, procedure_code = excluded.procedure_code", cancellationToken);
            return count;
        }));
        await ExecuteAsync(connection, "DROP TABLE egov.floor_risk", cancellationToken);

        // Host pieces, one thread, on a sample held in memory: what a document costs to parse and to estimate.
        var raw = new List<byte[]>(Sample);
        var narrowed = new List<string>(Sample);
        await using (var command = new NpgsqlCommand($"SELECT d.data, ({Narrow})::text FROM {documentTable} d WHERE {Estimable} LIMIT {Sample}", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                raw.Add(reader.GetFieldValue<byte[]>(0));
                narrowed.Add(reader.GetString(1));
            }
        }

        var narrowedBytes = narrowed.Select(System.Text.Encoding.UTF8.GetBytes).ToList();
        var serializer = store.Options.Serializer();
        pieces.Add(Host("bytes: the documents as stored, and narrowed (average UTF-8 bytes, not seconds)", raw.Count, () => { }) with
        {
            What = string.Create(CultureInfo.InvariantCulture, $"document size: {raw.Average(r => r.Length):N0} bytes as stored, {narrowed.Average(n => n.Length):N0} characters narrowed"),
        });
        var slim = SweepDocuments.For(store);
        pieces.Add(Host("previous parse: Marten's whole deserialization of the narrowed document (one thread)", raw.Count, () =>
        {
            foreach (var json in narrowedBytes)
            {
                _ = serializer.FromJson<DossierState>(new MemoryStream(json));
            }
        }));
        var states = new List<DossierState>(raw.Count);
        pieces.Add(Host("parse: the kept fields of the narrowed document (SweepDocuments on the previous read, one thread)", raw.Count, () =>
        {
            foreach (var json in narrowedBytes)
            {
                _ = SweepDocuments.Read(json, slim);
            }
        }));
        pieces.Add(Host("parse: the kept fields of the document as stored (SweepDocuments, one thread)", raw.Count, () =>
        {
            states.Clear();
            foreach (var json in raw)
            {
                states.Add(SweepDocuments.Read(json, slim));
            }
        }));
        var now = DateTimeOffset.UtcNow;
        pieces.Add(Host("estimate: RiskEstimator.Estimate and the row's reasons JSON (one thread)", states.Count, () =>
        {
            foreach (var state in states)
            {
                if (estimator.Estimate(state, now) is { } e)
                {
                    _ = new RiskRow(state, e, 0.5, 0.4, false).ReasonsJson;
                }
            }
        }));
        return pieces;
    }

    private static Piece Host(string what, long items, Action action)
    {
        action(); // warm: JIT and caches
        var cpu0 = CpuMeter.Seconds([Environment.ProcessId]);
        var watch = Stopwatch.StartNew();
        action();
        return new Piece(what, items, watch.Elapsed, CpuMeter.Seconds([Environment.ProcessId]) - cpu0, 0);
    }

    private static async Task<Piece> TimeAsync(string what, PostgresTarget postgres, Func<Task<long>> action)
    {
        var host0 = CpuMeter.Seconds([Environment.ProcessId]);
        var pg0 = CpuMeter.PostgresSeconds(postgres.DataDirectory);
        var watch = Stopwatch.StartNew();
        var items = await action();
        var elapsed = watch.Elapsed;
        return new Piece(what, items, elapsed, CpuMeter.Seconds([Environment.ProcessId]) - host0, CpuMeter.PostgresSeconds(postgres.DataDirectory) - pg0);
    }

    private static async Task<long> StreamAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        long n = 0;
        var sink = new byte[64 * 1024];
        while (await reader.ReadAsync(cancellationToken))
        {
            // Read the bytes off the wire without building strings: PostgreSQL's cost, not the host's.
            var column = reader.FieldCount - 1;
            await using var stream = await reader.GetStreamAsync(column, cancellationToken);
            while (await stream.ReadAsync(sink, cancellationToken) > 0)
            {
            }

            n++;
        }

        return n;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
