using System.Globalization;
using System.Text;

namespace EGov.Benchmarks;

/// <summary>The figures of one deadline-storm run and the three goals of issue 4 they are held against.</summary>
public sealed record StormResult(
    StormOptions Options,
    string Command,
    MachineFacts Machine,
    ServerFacts Server,
    double SeedSeconds,
    long AlarmsScheduled,
    long ScheduledBeforeStorm,
    long DatabaseBytes,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    int Expected,
    double[] LagSeconds,
    long IdleRssBytes,
    long PeakRssBytes,
    PhaseResult QueryDuring,
    PhaseResult QueryAfter)
{
    public const double MaxLagSeconds = 6;
    public const long MaxRssBytes = 1L << 30;
    public const double MaxQueryP99Ms = 20;

    public bool FlagsOnTime => LagSeconds.Length == Expected && LagSeconds.Length > 0 && LagSeconds[^1] <= MaxLagSeconds;

    public bool MemoryOk => PeakRssBytes > 0 && PeakRssBytes < MaxRssBytes;

    public bool QueryOk => QueryAfter.Successes > 0 && QueryAfter.ErrorCount == 0 && QueryAfter.P99Ms < MaxQueryP99Ms;

    public bool Passed => FlagsOnTime && MemoryOk && QueryOk;

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        AppendHeading(sb, "### Deadline storm", Command, Machine, Server);
        sb.AppendLine(c, $"- Seeded {Options.Dossiers:N0} open dossiers ({Expected:N0} due between {WindowStart:HH:mm:ss} and {WindowEnd:HH:mm:ss} UTC, the rest over the next 29 days) and {AlarmsScheduled:N0} alarms in {SeedSeconds:F0} s; {ScheduledBeforeStorm:N0} alarms waiting in Wolverine's store; database {DatabaseBytes / 1048576.0:F0} MiB.");
        sb.AppendLine(c, $"- Overdue flags landed: {LagSeconds.Length:N0} of {Expected:N0}.");
        if (LagSeconds.Length > 0)
        {
            sb.AppendLine(c, $"- Lag from due instant to the flag's commit: p50 {P(50):F2} s, p99 {P(99):F2} s, max {LagSeconds[^1]:F2} s; {LagSeconds.Count(l => l > MaxLagSeconds):N0} over {MaxLagSeconds} s.");
        }

        sb.AppendLine(c, $"- Host RSS: {IdleRssBytes / 1048576.0:F0} MiB idle, peak {PeakRssBytes / 1048576.0:F0} MiB during the storm.");
        sb.AppendLine(c, $"- Query \"dossiers of {Options.Window:N0}-window unit STP due in one minute\" (`GET /api/v1/dossiers?unit=STP&dueFrom=&dueTo=&pageSize=50`, leader token): during the storm {Line(QueryDuring)}; after it ({Options.QueryRequests:N0} sequential) {Line(QueryAfter)}.\n");
        sb.AppendLine("| goal (issue 4) | measured | met |");
        sb.AppendLine("|---|---|---|");
        sb.AppendLine(c, $"| every overdue flag within {MaxLagSeconds} s of its due instant | max {(LagSeconds.Length > 0 ? LagSeconds[^1] : double.NaN):F2} s, {LagSeconds.Length:N0}/{Expected:N0} landed | {(FlagsOnTime ? "yes" : "**no**")} |");
        sb.AppendLine(c, $"| host memory under 1 GiB | peak {PeakRssBytes / 1048576.0:F0} MiB | {(MemoryOk ? "yes" : "**no**")} |");
        sb.AppendLine(c, $"| due-window query p99 under {MaxQueryP99Ms} ms | {QueryAfter.P99Ms:F1} ms (during the storm {QueryDuring.P99Ms:F1} ms) | {(QueryOk ? "yes" : "**no**")} |");
        return sb.ToString();
    }

    /// <summary>Title, command, machine and server: what makes two runs comparable, in every report of the storm's modes.</summary>
    internal static void AppendHeading(StringBuilder sb, string title, string command, MachineFacts machine, ServerFacts server)
    {
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"\n{title}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC\n");
        sb.AppendLine(c, $"`{command}`\n");
        sb.AppendLine(c, $"Machine: {machine.Cores} cores ({machine.CpuModel}), {machine.RamGiB:F0} GiB, {machine.Os}, {machine.Runtime}. ");
        sb.AppendLine(c, $"PostgreSQL {server.Version}, fsync={server.Fsync}, synchronous_commit={server.SynchronousCommit}, shared_buffers={server.SharedBuffers}.\n");
    }

    private double P(double p) => LagSeconds[Math.Clamp((int)Math.Ceiling(p / 100 * LagSeconds.Length) - 1, 0, LagSeconds.Length - 1)];

    private static string Line(PhaseResult r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Successes:N0} ok, {r.ErrorCount} errors, p50 {r.P50Ms:F1} ms, p99 {r.P99Ms:F1} ms, max {r.MaxMs:F1} ms");
}
