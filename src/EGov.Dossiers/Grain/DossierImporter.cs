using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Grain;

/// <summary>
/// Brings in a dossier whose history happened elsewhere or earlier — a legacy one-stop system's records, or demo
/// data — by replaying its actions through the same pure state machine at the instants they took place, and
/// writing the result the way the grain does. Every action must be legal at its instant; deadlines are computed on
/// the calendar in force; alarms whose time has passed fire at once (an overdue dossier is flagged as such).
/// Only for dossiers that do not exist yet: the stream is started, so an existing id fails.
/// </summary>
public sealed class DossierImporter(DossierWriter writer, DossierOpener opener, CalendarDeadlines deadlines)
{
    /// <returns>The imported dossier, or the first action the state machine refused.</returns>
    public async Task<(DossierState? State, DossierError? Error)> ImportAsync(
        SubmitDossier submit, DateTimeOffset submittedAt, IEnumerable<(ActionInput Command, DateTimeOffset At)> actions)
    {
        ArgumentNullException.ThrowIfNull(submit);
        ArgumentNullException.ThrowIfNull(actions);
        var (plan, refused) = opener.Admit(submit);
        if (plan is null)
        {
            return (null, refused);
        }

        var rules = deadlines.ForUnit(plan.Unit);
        var events = new List<IDossierEvent>(await opener.OpenAsync(submit, plan, submittedAt));
        var state = DossierEvolution.Fold(events)!;
        var last = submittedAt;
        foreach (var (command, at) in actions.OrderBy(a => a.At))
        {
            last = at;
            var (decided, error) = DossierDecider.Decide(state, command, at, rules);
            if (error is not null)
            {
                return (null, error);
            }

            foreach (var e in decided!)
            {
                events.Add(e);
                state = DossierEvolution.Apply(state, e, state.Version + 1);
            }
        }

        var (imported, _) = await writer.CommitAsync(submit.DossierId, null, [], events, last, toApplicant: false);
        return (imported, null);
    }
}
