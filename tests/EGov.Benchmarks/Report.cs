using System.Globalization;
using System.Text;

namespace EGov.Benchmarks;

/// <summary>Everything one load run found, rendered as a Markdown section that can be appended to docs/benchmarks.md.</summary>
public sealed record Report(
    DateTimeOffset TakenAt,
    string Command,
    LoadOptions Options,
    MachineFacts Machine,
    ServerFacts Server,
    string Target,
    PhaseResult HostIntake,
    PhaseResult HostLookup,
    PhaseResult RawIntake,
    PhaseResult RawLookup,
    PayloadSizes Sizes,
    HostRowCounts? HostRows,
    IReadOnlyDictionary<string, string> ErrorSamples)
{
    public int TotalErrors => HostIntake.ErrorCount + HostLookup.ErrorCount + RawIntake.ErrorCount + RawLookup.ErrorCount;

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');

        Line(Invariant($"## Load run {TakenAt:yyyy-MM-dd HH:mm} UTC"));
        Line();
        Line($"Command: `{Command}`");
        Line();
        Line(Invariant($"- Machine: {Machine.Cores} cores ({Machine.CpuModel}), {Machine.RamGiB:0.0} GiB RAM, {Machine.Os}; load generator, host and PostgreSQL share it."));
        Line($"- Runtime: {Machine.Runtime}. Target: {Target}.");
        Line($"- PostgreSQL {Server.Version}: fsync={Server.Fsync}, synchronous_commit={Server.SynchronousCommit}, " +
             $"full_page_writes={Server.FullPageWrites}, wal_sync_method={Server.WalSyncMethod}, shared_buffers={Server.SharedBuffers}, max_connections={Server.MaxConnections}.");
        Line(Invariant($"- {Options.Clients} closed-loop clients per phase; {Options.Warmup.TotalSeconds:0} s warm-up (not measured) then {Options.Duration.TotalSeconds:0} s measured."));
        Line($"- Raw payloads: DossierSubmitted {Sizes.SubmittedBytes} B, DossierReceived {Sizes.ReceivedBytes} B, read-model document {Sizes.DocumentBytes} B ({Sizes.Source}).");
        Line();
        Line("| Phase | Requests | Req/s | p50 ms | p95 ms | p99 ms | max ms | Errors |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in new[] { HostIntake, RawIntake, HostLookup, RawLookup })
        {
            Line(Invariant($"| {phase.Name} | {phase.Requests} | {phase.RequestsPerSecond:0.0} | {phase.P50Ms:0.00} | {phase.P95Ms:0.00} | {phase.P99Ms:0.00} | {phase.MaxMs:0.00} | {phase.ErrorCount} |"));
        }

        Line();
        Line("| Host / raw | Throughput | p50 latency | p99 latency |");
        Line("|---|---:|---:|---:|");
        Line(Ratios("Intake", HostIntake, RawIntake));
        Line(Ratios("Lookup", HostLookup, RawLookup));
        Line();

        if (HostRows is { } rows)
        {
            Line($"Host database after the run (warm-up included): {rows.Streams} streams, {rows.Events} events, {rows.Documents} read-model documents, " +
                 $"{rows.CodesAllocated} codes allocated; expected streams = documents = codes and events = 2 x streams. " +
                 $"Read-model table scans: {rows.DocumentIndexScans} by index, {rows.DocumentSequentialScans} sequential.");
            Line();
        }

        if (TotalErrors == 0)
        {
            Line("Errors: none.");
        }
        else
        {
            Line("Errors:");
            foreach (var phase in new[] { HostIntake, RawIntake, HostLookup, RawLookup }.Where(p => p.ErrorCount > 0))
            {
                Line($"- {phase.Name}: " + string.Join(", ", phase.Errors.OrderByDescending(e => e.Value).Select(e => $"{e.Key} x {e.Value}")));
            }

            foreach (var (kind, body) in ErrorSamples)
            {
                Line($"- first body of {kind}: `{body.ReplaceLineEndings(" ").Replace('`', '\'')}`");
            }
        }

        Line();
        return md.ToString();
    }

    private static string Ratios(string name, PhaseResult host, PhaseResult raw) =>
        Invariant($"| {name} | {Ratio(host.RequestsPerSecond, raw.RequestsPerSecond)} | {Ratio(host.P50Ms, raw.P50Ms)} | {Ratio(host.P99Ms, raw.P99Ms)} |");

    private static string Ratio(double host, double raw) => raw > 0 ? Invariant($"{host / raw:0.00}x") : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
