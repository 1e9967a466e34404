using System.Globalization;
using System.Text;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Sweeps;
using Npgsql;

namespace EGov.Benchmarks;

/// <summary>
/// The <c>foresight-intake</c> command (issue 19: "risk recomputation adds ≤ 5 % to the intake benchmark"): the intake
/// phase of <c>load</c>, four times in one run on one durable PostgreSQL, with the host started alternately with
/// <c>Foresight__Enabled=false</c> and <c>true</c> (off, on, off, on: a drift of the machine over the run then falls
/// on both sides). Each round gets a fresh database and a fresh host, so every round starts alike (empty tables, cold
/// JIT) and is warmed until stable; with the sweep on it keeps its real defaults (a change scan every 10 s, a full
/// sweep every 5 min). After the rounds the host is stopped and the intake floor (Npgsql, pgbench) runs in the last
/// round's database, as <c>load</c> measures it.
/// </summary>
public static partial class SweepIntakeBenchmark
{
    public const string Usage =
        "  foresight-intake [--rounds <even n>=4] and the options of load (--duration, --clients, --warmup, --warmup-max, --window, --stable-pct, --no-pgbench, --out)";

    private const string Goal = "≤ 5 %";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, string command, CancellationToken cancellationToken)
    {
        var rounds = 4;
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--rounds")
            {
                rounds = i + 1 < args.Count && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 2 && n <= 20 && n % 2 == 0
                    ? n
                    : throw new ArgumentException($"--rounds must be an even number from 2 to 20.\n{Usage}");
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        var options = LoadOptions.Parse(rest);
        if (options.Url is not null)
        {
            throw new ArgumentException("foresight-intake starts its own hosts: --url is not accepted.");
        }

        var machine = MachineFacts.Read();
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        await using var postgres = await PostgresTarget.StartAsync(options.PostgresConnectionString, cancellationToken);
        var statements = await postgres.EnableStatementStatisticsAsync(cancellationToken);
        var server = await postgres.ReadFactsAsync(cancellationToken);
        LoadTest.Progress($"PostgreSQL {server.Version} ({postgres.Description}): fsync={server.Fsync}, synchronous_commit={server.SynchronousCommit}");

        var results = new List<Round>();
        string? lastDatabase = null;
        IReadOnlyList<string> lastCodes = [];
        DatabaseCounters? lastCounters = null;
        for (var i = 0; i < rounds; i++)
        {
            var on = i % 2 == 1;
            var database = await postgres.CreateDatabaseAsync($"egov_bench_sweep_{stamp}_{i + 1}_{(on ? "on" : "off")}", cancellationToken);
            var counters = new DatabaseCounters(postgres.Maintenance, new NpgsqlConnectionStringBuilder(database).Database!, statements);
            var (round, codes) = await RoundAsync(i + 1, on, options, postgres, database, counters, cancellationToken);
            results.Add(round);
            (lastDatabase, lastCodes, lastCounters) = (database, codes, counters);
        }

        var floor = new List<MeasuredPhase>();
        await LoadTest.FloorAsync(options, postgres, lastDatabase!, lastCounters!, lastCodes, floor, cancellationToken, withLookup: false);

        var markdown = ToMarkdown(command, options, machine, server, results, floor);
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (options.Out is not null)
        {
            await File.AppendAllTextAsync(options.Out, markdown, cancellationToken);
            LoadTest.Progress($"appended to {Path.GetFullPath(options.Out)}");
        }

        return results.Sum(r => r.Phase.Result.ErrorCount) == 0 ? 0 : 1;
    }

    /// <summary>One host, one warmed and measured intake phase, then what the sweep left in the tables.</summary>
    private static async Task<(Round Round, IReadOnlyList<string> Codes)> RoundAsync(
        int number, bool on, LoadOptions options, PostgresTarget postgres, string database, DatabaseCounters counters, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(LoadTest.HostSettings, StringComparer.Ordinal)
        {
            ["Foresight__Enabled"] = on ? "true" : "false",
            // One line a turn (every 10 s): what each turn read and how long it took, to say where the cost comes from.
            ["Logging__LogLevel__EGov.Dossiers.Sweeps.RiskSweep"] = "Information",
        };
        LoadTest.Progress($"round {number}: starting the host with Foresight__Enabled={settings["Foresight__Enabled"]}");
        var host = await HostProcess.StartAsync(LoadTest.RepositoryRoot(), database, cancellationToken, settings);
        MeasuredPhase phase;
        IntakeScenario intake;
        try
        {
            using var http = HostApi.CreateClient(host.BaseAddress, options.Clients);
            var token = await HostApi.MintDeskOfficerTokenAsync(http, cancellationToken);
            intake = new IntakeScenario(http, token);
            phase = await LoadTest.PhaseAsync($"Host intake, sweep {(on ? "on" : "off")} (round {number})", options, intake.SubmitAsync,
                () => CpuMeter.Seconds([host.Id]), "host", postgres.DataDirectory, counters, cancellationToken);
            if (phase.Result.ErrorCount > 0)
            {
                await Console.Error.WriteLineAsync($"Host log tail ({host.LogPath}):\n{host.Tail()}");
            }
        }
        finally
        {
            await host.DisposeAsync();
        }

        var evidence = await SweepEvidence.ReadAsync(database, host.LogPath, intake.Codes.Count, cancellationToken);
        LoadTest.Progress($"round {number}: {evidence}");
        return (new Round(number, on, phase, evidence), intake.Codes.ToArray());
    }

    private static string ToMarkdown(string command, LoadOptions options, MachineFacts machine, ServerFacts server, IReadOnlyList<Round> rounds, IReadOnlyList<MeasuredPhase> floor)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line(Invariant($"### Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        Line();
        Line($"Command: `{command}`");
        Line();
        Line(Invariant($"- Machine: {machine.Cores} cores ({machine.CpuModel}), {machine.RamGiB:0.0} GiB RAM; load average before the run {machine.LoadAverage}; load generator, host and PostgreSQL share it."));
        Line($"- PostgreSQL {server.Version}: fsync={server.Fsync}, synchronous_commit={server.SynchronousCommit}, shared_buffers={server.SharedBuffers}.");
        Line(Invariant($"- {options.Clients} closed-loop clients; each round: a fresh database and host, warm-up in {options.Window.TotalSeconds:0} s windows until {options.StableWindows} agree within ±{options.StableTolerance * 100:0.#} % (at least {options.Warmup.TotalSeconds:0} s, at most {options.WarmupMax.TotalSeconds:0} s), then {options.Duration.TotalSeconds:0} s measured."));
        Line();
        Line("| Round | Sweep | Requests/s | p50 ms | p99 ms | Errors | Warm-up | Host CPU ms/req | PG CPU ms/req | Host+PG ms/req | After the round |");
        Line("|---|---|---:|---:|---:|---:|---|---:|---:|---:|---|");
        foreach (var r in rounds)
        {
            var p = r.Phase;
            Line(Invariant($"| {r.Number} | {(r.On ? "on" : "off")} | {p.Result.RequestsPerSecond:0.0} | {p.Result.P50Ms:0.00} | {p.Result.P99Ms:0.00} | {p.Result.ErrorCount} | {Report.WarmupText(p.Warmup)} | {p.ClientCpuMsPerRequest:0.000} | {p.PostgresCpuMsPerRequest:0.000} | {CpuPerRequest(p):0.000} | {r.Evidence} |"));
        }

        foreach (var f in floor)
        {
            Line(Invariant($"| floor | {f.Name} | {f.Result.RequestsPerSecond:0.0} | {f.Result.P50Ms:0.00} | {f.Result.P99Ms:0.00} | {f.Result.ErrorCount} | {Report.WarmupText(f.Warmup)} | {f.ClientCpuMsPerRequest:0.000} ({f.ClientCpuOf}) | {f.PostgresCpuMsPerRequest:0.000} | {CpuPerRequest(f):0.000} | |"));
        }

        var off = Mean(rounds, on: false);
        var on = Mean(rounds, on: true);
        Line();
        Line(Invariant($"Means of the rounds: off {off.Rate:0.0}/s, p50 {off.P50:0.00} ms, p99 {off.P99:0.00} ms, {off.Host:0.000} + {off.Pg:0.000} CPU ms per intake; on {on.Rate:0.0}/s, p50 {on.P50:0.00} ms, p99 {on.P99:0.00} ms, {on.Host:0.000} + {on.Pg:0.000}. On/off: throughput {on.Rate / off.Rate:0.000}, host CPU {on.Host / off.Host:0.000}, PostgreSQL CPU {on.Pg / off.Pg:0.000}, p99 {on.P99 / off.P99:0.00}."));
        if (floor.Count > 0)
        {
            var best = floor.MaxBy(f => f.Result.RequestsPerSecond)!;
            Line(Invariant($"Floor: {best.Name} {best.Result.RequestsPerSecond:0.0}/s; host intake off/floor {off.Rate / best.Result.RequestsPerSecond:0.000}, on/floor {on.Rate / best.Result.RequestsPerSecond:0.000}."));
        }

        var cpu = (on.Host + on.Pg) / (off.Host + off.Pg) - 1;
        var rate = 1 - on.Rate / off.Rate;
        Line();
        Line(Invariant($"**Verdict: the sweep adds {cpu * 100:0.0} % to intake CPU per request (host+PG), {rate * 100:0.0} % to throughput (the fall, on against off); goal {Goal}: {(cpu <= 0.05 && rate <= 0.05 ? "met" : "not met")}.**"));
        Line();
        return md.ToString();
    }

    private static double CpuPerRequest(MeasuredPhase p) => p.ClientCpuMsPerRequest + p.PostgresCpuMsPerRequest;

    private static (double Rate, double P50, double P99, double Host, double Pg) Mean(IReadOnlyList<Round> rounds, bool on)
    {
        var side = rounds.Where(r => r.On == on).Select(r => r.Phase).ToList();
        return (side.Average(p => p.Result.RequestsPerSecond), side.Average(p => p.Result.P50Ms), side.Average(p => p.Result.P99Ms),
            side.Average(p => p.ClientCpuMsPerRequest), side.Average(p => p.PostgresCpuMsPerRequest));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Round(int Number, bool On, MeasuredPhase Phase, SweepEvidence Evidence);

    /// <summary>
    /// What shows that the sweep ran (or did not): its rows beside the dossiers it should cover, its marks, and from the
    /// host's log its turns over the whole round (warm-up included): dossiers read per dossier taken in, time sweeping.
    /// </summary>
    private sealed partial record SweepEvidence(long Estimable, long RiskRows, string Marks, int Turns, long Read, double SweepSeconds, long Intakes)
    {
        [System.Text.RegularExpressions.GeneratedRegex(@"Risk sweep \((full|changes)\): (\d+) dossiers read, \d+ rows written, \d+ removed, \d+ flagged at risk in (\d+) ms")]
        private static partial System.Text.RegularExpressions.Regex SweptLine();

        public static async Task<SweepEvidence> ReadAsync(string database, string hostLog, long intakes, CancellationToken cancellationToken)
        {
            await using var dataSource = NpgsqlDataSource.Create(database);
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var estimable = await ScalarAsync(connection,
                "SELECT count(*) FROM egov.mt_doc_dossierstate WHERE is_open AND (due_at IS NOT NULL OR data ->> 'clockStopped' = 'true')", cancellationToken);
            var rows = await ScalarAsync(connection, $"SELECT CASE WHEN to_regclass('{RiskTable.QualifiedName}') IS NULL THEN 0 ELSE (SELECT count(*) FROM {RiskTable.QualifiedName}) END", cancellationToken);
            var marks = await ScalarTextAsync(connection,
                $"SELECT CASE WHEN to_regclass('{RiskSweepState.QualifiedName}') IS NULL THEN 'no table' ELSE (SELECT coalesce(string_agg(name || ' ' || to_char(at AT TIME ZONE 'UTC', 'HH24:MI:SS'), ', ' ORDER BY name), 'no marks') FROM {RiskSweepState.QualifiedName}) END",
                cancellationToken);
            var turns = SweptLine().Matches(await File.ReadAllTextAsync(hostLog, cancellationToken));
            return new SweepEvidence(estimable, rows, marks, turns.Count,
                turns.Sum(m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)),
                turns.Sum(m => long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)) / 1000.0, intakes);
        }

        public override string ToString() =>
            Invariant($"{Estimable} open dossiers with a clock, {RiskRows} risk rows; sweep marks: {Marks}; {Turns} logged turns read {Read} dossiers ({(Intakes > 0 ? (double)Read / Intakes : double.NaN):0.00} per intake of the round) in {SweepSeconds:0.0} s");

        private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        private static async Task<string> ScalarTextAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) ?? string.Empty;
        }
    }
}
