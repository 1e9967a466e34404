using System.Diagnostics;
using System.Diagnostics.Metrics;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Telemetry;

/// <summary>
/// The platform's business instruments on the meter <c>EGov.Platform</c> (exported at <c>/metrics</c>,
/// docs/operations.md, "Metrics"). Tags are low-cardinality by design: procedure, unit, channel and alarm kind,
/// never a dossier id, a code or anything about the applicant, so the series count stays bounded by the catalogue.
/// The figures that describe the stock (open, overdue, due soon) are observable gauges fed by
/// <c>EGov.Statistics.Query.DossierStock</c>, not counted here.
/// </summary>
public sealed class PlatformMetrics
{
    public const string MeterName = "EGov.Platform";

    // Seconds late, from "at once" to "the poller fell an hour behind": Prometheus's default buckets are for
    // request latencies in milliseconds and would put every alarm in the first or the last bucket.
    private static readonly double[] LatenessBuckets = [0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private readonly Counter<long> _received;
    private readonly Counter<long> _alarmsFired;
    private readonly Histogram<double> _alarmLateness;

    public PlatformMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _received = Meter.CreateCounter<long>("egov.dossiers.received", "{dossier}",
            "Dossiers taken in (online or at a desk) on this node, by procedure, unit and channel.");
        _alarmsFired = Meter.CreateCounter<long>("egov.alarms.fired", "{alarm}",
            "Deadline alarms that recorded a warning (due-soon or overdue) on this node, by kind and unit.");
        _alarmLateness = Meter.CreateHistogram("egov.alarm.lateness", "s",
            "How long after its instant a deadline alarm recorded its warning (fired minus due), in seconds.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatenessBuckets });
    }

    /// <summary>The meter itself, for the gauges other parts of the platform observe on it.</summary>
    public Meter Meter { get; }

    /// <summary>A dossier was taken in: its first events committed.</summary>
    public void Received(DossierState dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        _received.Add(1, new TagList
        {
            { "procedure", dossier.ProcedureCode },
            { "unit", dossier.Unit },
            { "channel", dossier.Channel.ToString() },
        });
    }

    /// <summary>An alarm's warning committed at <paramref name="now"/> (the platform's clock).</summary>
    public void AlarmFired(DeadlineAlarm alarm, string unit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var tags = new TagList
        {
            { "kind", alarm.Kind == AlarmKind.DueSoon ? "due-soon" : "overdue" },
            { "scope", alarm.Scope == "dossier" ? "dossier" : "step" },
            { "unit", unit },
        };
        _alarmsFired.Add(1, tags);

        // An alarm handled early is asked again later, so a negative figure only comes from clock skew between nodes.
        _alarmLateness.Record(Math.Max(0, (now - alarm.FireAt).TotalSeconds), tags);
    }
}
