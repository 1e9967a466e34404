extern alias egovhost;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using EGov.Calendar;
using EGov.Catalog;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Sweeps;
using EGov.Kernel;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using HostProgram = egovhost::Program;

namespace EGov.Benchmarks;

/// <summary>
/// The <c>foresight-cost</c> command (issue 19: "a sweep after a calendar change of 1,000,000 open dossiers completes
/// in ≤ 60 s"). Boots the host in this process (its own Marten store, Orleans silo, estimator and <see cref="RiskSweep"/>)
/// on a durable PostgreSQL, fills the read model with open received dossiers whose histories the real state machine
/// made (<see cref="HistoryGenerator"/>, submitted over the last weeks) and the step history with the steps those
/// histories ended, runs one full sweep (the table then holds a row per dossier, as on a running node), records a
/// calendar change's durable request and times the next turn, with the CPU of this process and of PostgreSQL.
/// The sweep's own background turn is pushed an hour away so that only the measured call sweeps.
/// </summary>
public static class ForesightCostBenchmark
{
    public const string Usage =
        "  foresight-cost [--dossiers <n>=1000000] [--days <n>=40] [--history-per-step <n>=3000] [--seed <n>=20261202] [--out <file.md>]";

    private const string DocumentTable = "egov.mt_doc_dossierstate";
    private const int InsertBatch = 10_000;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, string command, CancellationToken cancellationToken)
    {
        int target = 1_000_000, days = 40, perStep = 3000, seed = 20261202;
        string? outFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i++])
            {
                case "--dossiers": target = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--days": days = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--history-per-step": perStep = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--out": outFile = value; break;
                default: throw new ArgumentException($"Unknown option {args[i - 1]}.\n{Usage}");
            }
        }

        await using var postgres = await PostgresTarget.StartAsync(Environment.GetEnvironmentVariable("EGOV_BENCH_POSTGRES"), cancellationToken);
        var database = await postgres.CreateDatabaseAsync($"egov_bench_risk_{DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}", cancellationToken);
        await using var factory = Boot(database);
        var services = factory.Services;
        var store = services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();

        var seeding = Stopwatch.StartNew();
        var (open, history, generated) = await SeedAsync(store, dataSource, services.GetRequiredService<ProcedureCatalog>(), target, days, perStep, seed, cancellationToken);
        await ExecuteAsync(dataSource, $"VACUUM (ANALYZE) {DocumentTable}", cancellationToken);
        await ExecuteAsync(dataSource, $"VACUUM (ANALYZE) {StepHistoryTable.QualifiedName}", cancellationToken);
        var snapshot = services.GetRequiredService<StepHistorySnapshot>();
        await snapshot.RefreshAsync(cancellationToken);
        var seeded = seeding.Elapsed;
        Console.WriteLine($"seeded {open:N0} open dossiers (of {generated:N0} generated) and {history:N0} step-history rows in {seeded.TotalSeconds:F0} s; {snapshot.TrustedSteps} steps trusted");

        var sweep = services.GetRequiredService<RiskSweep>();
        var clock = services.GetRequiredService<PlatformClock>();

        // The node as it runs: one full sweep has written the table already.
        var loadBefore = Uptime();
        Console.WriteLine($"load average before the sweeps: {loadBefore}");
        var first = await MeasureAsync(sweep, postgres, cancellationToken);
        Console.WriteLine($"first full sweep (empty table): {Describe(first)}");

        // The calendar changed: the handler's durable request, then the node's next turn.
        await RiskSweepState.RequestFullAsync(store, clock.GetUtcNow(), cancellationToken);
        var afterChange = await MeasureAsync(sweep, postgres, cancellationToken);
        Console.WriteLine($"full sweep after a calendar change: {Describe(afterChange)}");

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var instants = await RiskSweepState.ReadAsync(connection, cancellationToken);
        var done = instants[RiskSweepState.Full] >= instants[RiskSweepState.Requested];
        var rows = await ScalarAsync(connection, $"SELECT count(*) FROM {RiskTable.QualifiedName}", cancellationToken);
        var expected = await ScalarAsync(connection,
            $"SELECT count(*) FROM {DocumentTable} WHERE (data ->> 'isOpen')::boolean AND data ->> 'dueAt' IS NOT NULL", cancellationToken);

        // The floor and the pieces, after the checks (the upsert piece rewrites the live rows with their own values).
        var load = Uptime();
        var pieces = await ForesightCostFloor.MeasureAsync(database, store, services.GetRequiredService<IRiskEstimator>(), postgres, DocumentTable, cancellationToken);
        foreach (var piece in pieces)
        {
            Console.WriteLine(piece.Describe());
        }

        var floor = pieces[0].Elapsed + pieces[2].Elapsed;
        var facts = await postgres.ReadFactsAsync(cancellationToken);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### Foresight: cost — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`");
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores (shared with other builds); PostgreSQL {facts}; durable commits.");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Sweep: in-process, the host's own `RiskSweep.RunOnceAsync` with its real services (Marten store, estimator, step-history snapshot, Orleans silo); PageSize {services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForesightOptions>>().Value.PageSize}.");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"- Seeded: {open:N0} open received dossiers of {generated:N0} made by the state machine (submitted over the last {days} days, every built-in procedure), bulk-inserted into the read model; {history:N0} rows of `egov.step_durations` (≤ {perStep} per procedure, step and unit, from the same histories); {snapshot.TrustedSteps} steps past cold start; {seeded.TotalSeconds:F0} s.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- First full sweep (empty table, all inserts): {Describe(first)}.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Load average before the sweeps: {loadBefore}.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- **Full sweep after a calendar change** (request row, then the turn; every row updated): {Describe(afterChange)}.");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"- Floor (PostgreSQL alone, same run): read {pieces[0].Elapsed.TotalSeconds:F1} s + write {pieces[2].Elapsed.TotalSeconds:F1} s = {floor.TotalSeconds:F1} s; **the sweep after the change is {afterChange.Elapsed / floor:F2} × the floor** (the floor's two halves one after the other; the sweep overlaps them).");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Load average before the floor: {load}.");
        foreach (var piece in pieces)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  - {piece.Describe()}");
        }

        report.AppendLine(CultureInfo.InvariantCulture,
            $"- Check: `full` mark {(done ? "≥" : "<")} the request; {rows:N0} rows in `egov.dossier_risk`, {expected:N0} open dossiers with a deadline: {(rows == expected ? "equal" : "NOT EQUAL")}.");
        report.AppendLine();
        report.AppendLine("Goal (issue 19): ≤ 60 s for 1,000,000 open dossiers.");
        var text = report.ToString();
        Console.WriteLine(text);
        if (outFile is not null)
        {
            await File.WriteAllTextAsync(outFile, text, cancellationToken);
        }

        return done && rows == expected && afterChange.Result is { Full: true } ? 0 : 1;
    }

    private static string Uptime() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record SweepMeasure(RiskSweepResult? Result, TimeSpan Elapsed, double HostCpu, double PostgresCpu);

    private static async Task<SweepMeasure> MeasureAsync(RiskSweep sweep, PostgresTarget postgres, CancellationToken cancellationToken)
    {
        var host0 = CpuMeter.Seconds([Environment.ProcessId]);
        var pg0 = CpuMeter.PostgresSeconds(postgres.DataDirectory);
        var watch = Stopwatch.StartNew();
        var result = await sweep.RunOnceAsync(cancellationToken);
        var elapsed = watch.Elapsed;
        return new SweepMeasure(result, elapsed, CpuMeter.Seconds([Environment.ProcessId]) - host0, CpuMeter.PostgresSeconds(postgres.DataDirectory) - pg0);
    }

    private static string Describe(SweepMeasure m)
    {
        if (m.Result is not { } r)
        {
            return "skipped (the lock was held)";
        }

        var thousands = Math.Max(1, r.Read) / 1000.0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.Read:N0} read, {r.Written:N0} written, {r.Deleted:N0} removed, {r.Raised:N0} flagged in **{m.Elapsed.TotalSeconds:F1} s** ({r.Read / m.Elapsed.TotalSeconds:N0} dossiers/s); CPU host {m.HostCpu:F1} s + PostgreSQL {m.PostgresCpu:F1} s = {m.HostCpu / thousands:F3} + {m.PostgresCpu / thousands:F3} CPU s per 1,000 dossiers");
    }

    private static WebApplicationFactory<HostProgram> Boot(string connectionString) =>
        StormSeeder.Boot(connectionString, b =>
        {
            // Only the measured call sweeps: the background turn and the history reload wait an hour.
            b.UseSetting("Foresight:ChangeScanInterval", "01:00:00");
            b.UseSetting("Foresight:HistoryRefresh", "01:00:00");
            b.UseSetting("Logging:LogLevel:EGov.Dossiers.Sweeps", "Information");
        });

    /// <summary>
    /// Dossiers submitted over the last <paramref name="days"/> days, every built-in procedure, each with what happened
    /// to it until now; the open received ones go into the read model in batches, the steps every history ended into
    /// <c>egov.step_durations</c> (a bounded number per procedure, step and unit).
    /// </summary>
    private static async Task<(long Open, long History, long Generated)> SeedAsync(
        IDocumentStore store, NpgsqlDataSource dataSource, ProcedureCatalog catalog, int target, int days, int perStep, int seed, CancellationToken cancellationToken)
    {
        var deadlines = new CalendarDeadlines(new CalendarProvider(new WorkingCalendar(new CalendarOptions(), OfficialCalendar.Years)));
        var random = new Random(seed);
        var generator = new HistoryGenerator(catalog, deadlines, random);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(CalendarOptions.DefaultTimeZoneId);
        var now = DateTimeOffset.UtcNow;
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(-days);
        var steps = new Dictionary<(string, string, string), int>();
        var history = new List<StepDurationRow>();
        var batch = new List<DossierState>(InsertBatch);
        long open = 0, generated = 0, historyRows = 0;
        var watch = Stopwatch.StartNew();
        while (open < target)
        {
            var local = firstDay.AddDays(random.Next(days + 1)).ToDateTime(new TimeOnly(7, 30)).AddMinutes(random.Next(0, 9 * 60 + 30));
            var submittedAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (submittedAt >= now)
            {
                continue;
            }

            var (_, events) = generator.Dossier(submittedAt, now, (int)(generated++ % int.MaxValue));
            var versions = Enumerable.Range(1, events.Count).Select(v => (long)v).ToHashSet();
            foreach (var row in StepHistoryProjection.Ended(events.Select((e, i) => ((long)i + 1, (object)e)), versions))
            {
                var key = (row.ProcedureCode, row.StepId, row.Unit);
                if (steps.GetValueOrDefault(key) < perStep)
                {
                    steps[key] = steps.GetValueOrDefault(key) + 1;
                    history.Add(row);
                }
            }

            var state = DossierEvolution.Fold(events)!;
            if (!state.IsOpen || state.DueAt is null)
            {
                continue;
            }

            // The generator's codes repeat after 10,000 a unit and day; a million in a few weeks needs a longer serial.
            state.Code = string.Create(CultureInfo.InvariantCulture, $"{state.Code}-{open:D7}");
            batch.Add(state);
            open++;
            if (batch.Count == InsertBatch || open == target)
            {
                await store.BulkInsertAsync(batch, batchSize: InsertBatch);
                batch.Clear();
                if (history.Count > 0)
                {
                    historyRows += await CopyHistoryAsync(dataSource, history, cancellationToken);
                    history.Clear();
                }

                if (open % 100_000 == 0 || open == target)
                {
                    Console.WriteLine($"{watch.Elapsed.TotalSeconds,6:F0} s: {open:N0} open dossiers of {generated:N0} generated, {historyRows:N0} step-history rows");
                }
            }
        }

        return (open, historyRows, generated);
    }

    private static async Task<int> CopyHistoryAsync(NpgsqlDataSource dataSource, List<StepDurationRow> rows, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {StepHistoryTable.QualifiedName} (dossier_id, version, procedure_code, step_id, unit, ended_at, office_seconds) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(row.DossierId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(row.Version, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(row.ProcedureCode, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.StepId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Unit, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.EndedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
            await writer.WriteAsync((long)row.OfficeTime.TotalSeconds, NpgsqlDbType.Bigint, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
        return rows.Count;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
