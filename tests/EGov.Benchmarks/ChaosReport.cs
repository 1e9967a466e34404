using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace EGov.Benchmarks;

/// <summary>Everything one chaos run found, rendered as a Markdown section for docs/benchmarks.md.</summary>
public sealed record ChaosReport(
    DateTimeOffset TakenAt,
    string Command,
    ChaosOptions Options,
    MachineFacts Machine,
    ServerFacts Server,
    ChaosRun Chaos,
    ChaosVerdict Verdict,
    IReadOnlyList<NodePhase> Phases,
    NodePhase? Raw)
{
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');
        void Blank() => md.Append('\n');

        Line($"### Chaos run {TakenAt:yyyy-MM-dd HH:mm} UTC");
        Blank();
        Line($"Command: `{Command}`");
        Blank();
        Line($"- Machine: {Machine.Cores} cores ({Machine.CpuModel}), {Machine.RamGiB:0.0} GiB RAM, {Machine.Os}, {Machine.Runtime}; the load generator, HAProxy, {Options.Nodes} hosts and PostgreSQL share it.");
        Line($"- PostgreSQL {Server.Version}: fsync={Server.Fsync}, synchronous_commit={Server.SynchronousCommit}, full_page_writes={Server.FullPageWrites}, shared_buffers={Server.SharedBuffers}.");
        Line($"- {Options.Clients} closed-loop clients through HAProxy for {Chaos.Elapsed.TotalSeconds:0} s (30 % desk intakes with an Idempotency-Key, 50 % lifecycle actions with expectedVersion, 20 % public lookups); {Chaos.Kills.Count} SIGKILLs (one every {Options.KillEveryMin.TotalSeconds:0}–{Options.KillEveryMax.TotalSeconds:0} s, seed {Options.Seed}, of a random node that is ready or still starting, never the last ready one; {Chaos.Kills.Count(k => k.WhileStarting)} hit a node still starting; {Chaos.SkippedKills} skipped), each node restarted on its ports at once.");
        Blank();

        Line($"**Verdict: {(Verdict.Passed ? "passed" : "FAILED")}.** {Verdict.AcknowledgedWrites} acknowledged writes checked against {Verdict.StreamsChecked} streams in `egov.mt_events`:");
        Blank();
        Line($"| Check | Found |");
        Line($"|---|---:|");
        Line($"| Acknowledged writes lost | {Verdict.LostWrites.Count} |");
        Line($"| Streams with a gap or a duplicate version (or mt_streams disagreeing) | {Verdict.BrokenStreams.Count} |");
        Line($"| Dossiers created twice for one Idempotency-Key | {Verdict.CreatedTwice.Count} |");
        Line($"| Overdue alarms due during the chaos / fired | {Verdict.OverdueAlarmsExpected} / {Verdict.OverdueAlarmsFired} |");
        Line($"| Alarms fired twice | {Verdict.FiredTwice.Count} |");
        Line($"| Alarm lateness (commit of DeadlineMissed − due instant) p50 / p99 / max | {Pct(Verdict.LateSeconds, 50):0.0} s / {Pct(Verdict.LateSeconds, 99):0.0} s / {(Verdict.LateSeconds.Length == 0 ? 0 : Verdict.LateSeconds[^1]):0.0} s |");
        Line($"| Alarms later than 5 s / 30 s / 60 s | {Verdict.LateSeconds.Count(s => s > 5)} / {Verdict.LateSeconds.Count(s => s > 30)} / {Verdict.LateSeconds.Count(s => s > 60)} |");
        Line($"| Actions found applied on retry (answer lost with the node) | {Chaos.Ledger.AppliedWithoutAnswer} |");
        Line($"| Operations abandoned after 40 attempts | {Chaos.Ledger.GaveUp} |");
        Blank();
        foreach (var finding in Verdict.LostWrites.Concat(Verdict.BrokenStreams).Concat(Verdict.CreatedTwice).Concat(Verdict.FiredTwice).Take(30))
        {
            Line($"- finding: {finding}");
        }

        var attempts = LatencyRecorder.Merge("attempts", Options.Clients, Chaos.Elapsed, Chaos.Workload.Attempts);
        var operations = LatencyRecorder.Merge("operations", Options.Clients, Chaos.Elapsed, Chaos.Workload.Operations);
        Line($"Latency through the chaos (successful ones): per HTTP attempt p50 {attempts.P50Ms:0.0} ms, p99 {attempts.P99Ms:0.0} ms, max {attempts.MaxMs:0} ms ({attempts.Successes} of {attempts.Requests}); per operation, retries included, p50 {operations.P50Ms:0.0} ms, p99 {operations.P99Ms:0.0} ms, max {operations.MaxMs:0} ms ({operations.Successes} of {operations.Requests} operations succeeded, {operations.RequestsPerSecond:0.0}/s).");
        Blank();
        Line($"Requests by outcome (every HTTP attempt the clients made; HAProxy's own retries are inside one attempt):");
        Blank();
        Line($"| Outcome | Count |");
        Line($"|---|---:|");
        foreach (var (kind, count) in Chaos.Ledger.Outcomes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Line($"| {kind} | {count} |");
        }

        Blank();
        Line($"After each kill: time to the first successful action on a dossier created before the kill, and for the dossiers whose actions failed within 30 s after it (their grain lived on the dead node, or HAProxy still sent them there), the time to their next success (an estimate that needs no placement endpoint).");
        Blank();
        Line($"Where the hosts have the placement endpoint (`GET /api/v1/admin/cluster/dossiers/{{id}}`), up to 30 recently acknowledged open dossiers were located just before each kill; \"on the dead node\" are those whose grain it held, and their recovery is the time from the kill to each one's first successful action (closed-loop clients reach a given dossier only every few seconds, so this is an upper bound):");
        Blank();
        Line($"| Kill | Node | At | First success | Failed dossiers | Their recovery p50 / max | On the dead node (of sampled) | Their first success p50 / max | Node ready again after |");
        Line($"|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var attemptsByTime = Chaos.Ledger.GrainAttempts.OrderBy(a => a.Timestamp).ToArray();
        var n = 0;
        foreach (var kill in Chaos.Kills)
        {
            n++;
            var after = attemptsByTime.Where(a => a.Timestamp > kill.At && a.DossierAckedAt < kill.At).ToArray();
            var first = after.FirstOrDefault(a => a.Success);
            var window = kill.At + (long)(30 * Stopwatch.Frequency);
            var failed = after.Where(a => !a.Success && a.Timestamp < window).Select(a => a.DossierId).Distinct().ToArray();
            var recovery = failed.Select(id => after.FirstOrDefault(a => a.DossierId == id && a.Success))
                .Where(a => a is not null).Select(a => Seconds(kill.At, a!.Timestamp)).Order().ToArray();
            var victims = kill.Victims.ToHashSet();
            var victimRecovery = victims.Select(id => after.FirstOrDefault(a => a.DossierId == id && a.Success))
                .Where(a => a is not null).Select(a => Seconds(kill.At, a!.Timestamp)).Order().ToArray();
            var placed = kill.Sampled < 0 ? "no endpoint" : $"{victims.Count} of {kill.Sampled}";
            Line($"| {n} | {kill.Node}{(kill.WhileStarting ? " (starting)" : string.Empty)} | +{Seconds(Chaos.Started, kill.At):0} s | {(first is null ? "none" : $"{Seconds(kill.At, first.Timestamp):0.00} s")} | {failed.Length} | {(recovery.Length == 0 ? "–" : $"{Pct(recovery, 50):0.0} s / {recovery[^1]:0.0} s")} | {placed} | {(victimRecovery.Length == 0 ? "–" : $"{Pct(victimRecovery, 50):0.0} s / {victimRecovery[^1]:0.0} s")} | {(kill.ReadyAgain is { } r ? $"{Seconds(kill.At, r):0} s" : "–")} |");
        }

        Blank();
        if (Phases.Count > 0)
        {
            Line($"Throughput on this one machine, after the chaos, desk intake through HAProxy (warm-up: 10 s windows until two agree within 10 %), {Options.PhaseDuration.TotalSeconds:0} s measured each; CPU per request from /proc (hosts: utime + stime of the host processes; PostgreSQL: the postmaster, its backends and the backends it reaped):");
            Blank();
            Line($"| Phase | Intakes/s | p50 ms | p99 ms | Errors | Host CPU ms/req | PostgreSQL CPU ms/req |");
            Line($"|---|---:|---:|---:|---:|---:|---:|");
            foreach (var p in Phases.Concat(Raw is null ? [] : [Raw]))
            {
                var per = Math.Max(1, p.Result.Successes);
                var host = p.Nodes == 0 ? $"{p.HostCpuSeconds * 1000 / per:0.00} (load generator)" : $"{p.HostCpuSeconds * 1000 / per:0.00}";
                Line($"| {p.Name} | {p.Result.RequestsPerSecond:0.0} | {p.Result.P50Ms:0.0} | {p.Result.P99Ms:0.0} | {p.Result.ErrorCount} | {host} | {p.PostgresCpuSeconds * 1000 / per:0.00} |");
            }

            Blank();
        }

        return md.ToString();
    }

    private static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    private static double Pct(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
