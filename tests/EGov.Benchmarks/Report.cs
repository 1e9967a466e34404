using System.Globalization;
using System.Text;

namespace EGov.Benchmarks;

/// <summary>
/// Everything one load run found, rendered as a Markdown section that can be appended to docs/benchmarks.md: the
/// goals of issue 16 with their verdicts, each phase with its warm-up and CPU per request, the database work per
/// intake, the host beside its floor, and the cold start.
/// </summary>
public sealed record Report(
    DateTimeOffset TakenAt,
    string Command,
    LoadOptions Options,
    MachineFacts Machine,
    ServerFacts Server,
    string Target,
    IReadOnlyList<string> HostSettings,
    IReadOnlyList<MeasuredPhase> Phases,
    StartupResult? Startup,
    IReadOnlyList<Goal> Goals,
    IReadOnlyList<StatementCount> IntakeStatements,
    string? PayloadNote,
    string? RowsNote,
    IReadOnlyDictionary<string, string> ErrorSamples,
    long HostPeakRssBytes)
{
    public int TotalErrors => Phases.Sum(p => p.Result.ErrorCount);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');

        Line(Invariant($"## Load run {TakenAt:yyyy-MM-dd HH:mm} UTC"));
        Line();
        Line($"Command: `{Command}`");
        Line();
        Line(Invariant($"- Machine: {Machine.Cores} cores ({Machine.CpuModel}), {Machine.RamGiB:0.0} GiB RAM, {Machine.Os}; load average before the run {Machine.LoadAverage}; load generator, host and PostgreSQL share it."));
        Line($"- Runtime: {Machine.Runtime}. Target: {Target}.");
        Line($"- PostgreSQL {Server.Version}: fsync={Server.Fsync}, synchronous_commit={Server.SynchronousCommit}, " +
             $"full_page_writes={Server.FullPageWrites}, wal_sync_method={Server.WalSyncMethod}, shared_buffers={Server.SharedBuffers}, max_connections={Server.MaxConnections}.");
        Line(Invariant($"- {Options.Clients} closed-loop clients per phase; each warms up in {Options.Window.TotalSeconds:0} s windows until {Options.StableWindows} in a row are within ±{Options.StableTolerance * 100:0.#} % of their mean (at least {Options.Warmup.TotalSeconds:0} s, at most {Options.WarmupMax.TotalSeconds:0} s), then measures {Options.Duration.TotalSeconds:0} s."));
        if (HostSettings.Count > 0)
        {
            Line($"- Host settings for the benchmark: {string.Join(", ", HostSettings.Select(s => $"`{s}`"))}.");
        }

        if (PayloadNote is not null)
        {
            Line($"- {PayloadNote}");
        }

        Line();
        Line("| Goal | Target | Measured | Verdict |");
        Line("|---|---:|---:|---|");
        foreach (var goal in Goals)
        {
            Line($"| {goal.Name} | {goal.TargetText} | {goal.MeasuredText} | {goal.Verdict} |");
        }

        Line();
        Line("| Phase | Requests | Req/s | p50 ms | p99 ms | max ms | Errors | Warm-up | Client CPU ms/req | PostgreSQL CPU ms/req |");
        Line("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var p in Phases)
        {
            var r = p.Result;
            Line(Invariant($"| {r.Name} | {r.Requests} | {r.RequestsPerSecond:0.0} | {r.P50Ms:0.00} | {r.P99Ms:0.00} | {r.MaxMs:0.00} | {r.ErrorCount} | {WarmupText(p.Warmup)} | {Ms(p.ClientCpuMsPerRequest)} ({p.ClientCpuOf}) | {Ms(p.PostgresCpuMsPerRequest)} |"));
        }

        var counted = Phases.Where(p => p.Database is not null).ToArray();
        if (counted.Length > 0)
        {
            Line();
            Line("| Database work per request (measured window only) | Commits | WAL bytes | Statements | Checkouts (DISCARD ALL) |");
            Line("|---|---:|---:|---:|---:|");
            foreach (var p in counted)
            {
                var d = p.Database!;
                Line(Invariant($"| {p.Name} | {p.PerRequest(d.Commits):0.00} | {p.PerRequest(d.WalBytes):0} | {p.PerRequest(d.Statements):0.00} | {p.PerRequest(d.Checkouts):0.00} |"));
            }

            Line();
            Line("Round trips are not counted on the wire: a commit needs at least one, and each statement is at most one " +
                 "(a batch sends several in one), so round trips per intake lie between the commits and the statements.");
        }

        Line();
        Line("| Host / floor | Throughput | p99 latency | PostgreSQL CPU per request |");
        Line("|---|---:|---:|---:|");
        foreach (var (host, floor) in Pairs())
        {
            Line($"| {host.Name} / {floor.Name} | {Ratio(host.Result.RequestsPerSecond, floor.Result.RequestsPerSecond)} | " +
                 $"{Ratio(host.Result.P99Ms, floor.Result.P99Ms)} | {Ratio(host.PostgresCpuMsPerRequest, floor.PostgresCpuMsPerRequest)} |");
        }

        if (Startup is { } s)
        {
            Line();
            Line(Invariant($"Cold start: `/health/ready` answered 200 after {s.ReadyAfter.TotalSeconds:0.00} s; RSS after the first requests {s.RssBytes / 1048576.0:0} MiB (peak over the run {HostPeakRssBytes / 1048576.0:0} MiB). First request of {s.FirstRequests.Count} endpoints: {s.Slow} over {StartupProbe.SlowMs:0} ms, slowest {Ms(s.SlowestMs)} ms."));
            Line();
            Line("| First request (slowest first) | Status | ms |");
            Line("|---|---:|---:|");
            foreach (var f in s.FirstRequests.OrderByDescending(f => f.Ms).Take(12))
            {
                Line(Invariant($"| {f.Method} {f.Route} | {f.Status} | {f.Ms:0.0} |"));
            }
        }

        if (IntakeStatements.Count > 0)
        {
            Line();
            Line("Statements of the measured host intake window (pg_stat_statements, most called first):");
            Line();
            Line("| Calls | Exec ms | Plan ms | Statement |");
            Line("|---:|---:|---:|---|");
            foreach (var st in IntakeStatements)
            {
                var query = st.Query.Replace('|', '/').Replace('`', '\'');
                Line(Invariant($"| {st.Calls} | {st.ExecMs:0} | {st.PlanMs:0} | `{query}` |"));
            }
        }

        if (RowsNote is not null)
        {
            Line();
            Line(RowsNote);
        }

        Line();
        if (TotalErrors == 0)
        {
            Line("Errors: none.");
        }
        else
        {
            Line("Errors:");
            foreach (var phase in Phases.Where(p => p.Result.ErrorCount > 0))
            {
                Line($"- {phase.Name}: " + string.Join(", ", phase.Result.Errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} x {e.Value}")));
            }

            foreach (var (kind, body) in ErrorSamples)
            {
                Line($"- first body of {kind}: `{body.ReplaceLineEndings(" ").Replace('`', '\'')}`");
            }
        }

        Line();
        return md.ToString();
    }

    /// <summary>Each host phase beside each floor phase of the same kind (names start with "Host", "Floor"/"pgbench").</summary>
    private IEnumerable<(MeasuredPhase Host, MeasuredPhase Floor)> Pairs()
    {
        foreach (var kind in new[] { "intake", "lookup" })
        {
            var host = Phases.FirstOrDefault(p => p.Name.StartsWith("Host " + kind, StringComparison.Ordinal));
            if (host is null)
            {
                continue;
            }

            foreach (var floor in Phases.Where(p => !p.Name.StartsWith("Host", StringComparison.Ordinal) && p.Name.Contains(kind, StringComparison.Ordinal)))
            {
                yield return (host, floor);
            }
        }
    }

    public static string WarmupText(WarmupResult w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return w.WindowRates.Count == 0 ? "none"
            : Invariant($"{w.Elapsed.TotalSeconds:0} s, {(w.Stable ? "stable" : "cap reached")} (spread {(double.IsNaN(w.Spread) ? "n/a, too few windows" : Invariant($"{w.Spread * 100:0.#} %"))})");
    }

    private static string Ms(double value) => double.IsNaN(value) ? "n/a" : Invariant($"{value:0.000}");

    private static string Ratio(double host, double floor) => EGov.Benchmarks.Goals.Ratio(host, floor) is var r && !double.IsNaN(r) ? Invariant($"{r:0.00}x") : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
