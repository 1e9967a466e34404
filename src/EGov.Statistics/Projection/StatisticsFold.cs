using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;
using JasperFx.Events;

namespace EGov.Statistics.Projection;

/// <summary>
/// Folds events into dossier tallies and day counters: the one counting loop shared by the daemon's batches and
/// the bulk rebuild, so both count exactly alike. An event at or below its tally's version was already counted.
/// </summary>
public sealed class StatisticsFold(TimeZoneInfo zone, Dictionary<Guid, DossierTally> tallies)
{
    /// <summary>
    /// The tallies of the dossiers folded: the ones given (loaded because the batch has events for them) and the
    /// ones it started. An event already counted leaves its tally as it was, so writing it back changes nothing.
    /// </summary>
    public Dictionary<Guid, DossierTally> Tallies { get; } = tallies;
    public Dictionary<DailyKey, DailyCounters> Changes { get; } = [];

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

        var steps = tally.State.Steps;
        StatisticsRules.Apply(tally, data, e.Version, zone, Day);
        Share(tally.State, steps);
    }

    // Every deserialized event brings its own copies of the unit, procedure and plan; a rebuild holds every dossier's
    // state at once, so the copies are shared: one per distinct value. The plan is only ever replaced, never edited.
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<PlannedStep>> _plans = new(StringComparer.Ordinal);

    private void Share(DossierState s, List<PlannedStep> stepsBefore)
    {
        s.Unit = Intern(s.Unit);
        s.ProcedureCode = Intern(s.ProcedureCode);
        s.ProcedureName = Intern(s.ProcedureName);
        if (!ReferenceEquals(s.Steps, stepsBefore) && s.Steps.Count > 0)
        {
            var key = string.Join('\u001f', s.Steps.Select(p => string.Join('\u001e', p.Id, p.Name, p.Unit, p.Role, p.AllowanceValue, p.AllowanceUnit)));
            s.Steps = _plans.TryGetValue(key, out var shared) ? shared : _plans[key] = s.Steps;
        }
    }

    private string Intern(string value) => _strings.TryGetValue(value, out var shared) ? shared : _strings[value] = value;

    private DailyCounters Day(DailyKey key) => Changes.TryGetValue(key, out var c) ? c : Changes[key] = new DailyCounters();
}
