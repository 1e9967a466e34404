using EGov.Dossiers.Events;
using JasperFx.Events;

namespace EGov.Statistics.Projection;

/// <summary>
/// Folds events into dossier tallies and day counters: the one counting loop shared by the daemon's batches and
/// the bulk rebuild, so both count exactly alike. An event at or below its tally's version was already counted.
/// </summary>
public sealed class StatisticsFold(TimeZoneInfo zone, Dictionary<Guid, DossierTally> tallies)
{
    public Dictionary<Guid, DossierTally> Tallies { get; } = tallies;
    public Dictionary<DailyKey, DailyCounters> Changes { get; } = [];

    /// <summary>The tallies this fold changed (every tally, in a rebuild).</summary>
    public HashSet<DossierTally> Touched { get; } = [];

    public void Apply(IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Data is not IDossierEvent data)
        {
            return;
        }

        if (!Tallies.TryGetValue(e.StreamId, out var tally))
        {
            Tallies[e.StreamId] = tally = new DossierTally { Id = e.StreamId };
        }

        if (e.Version <= tally.Version)
        {
            return;
        }

        StatisticsRules.Apply(tally, data, e.Version, zone, Day);
        Touched.Add(tally);
    }

    private DailyCounters Day(DailyKey key) => Changes.TryGetValue(key, out var c) ? c : Changes[key] = new DailyCounters();
}
