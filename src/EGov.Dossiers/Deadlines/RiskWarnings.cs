using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// The "at risk" warning (issue 19, docs/foresight.md): the risk sweep found the dossier over its module's threshold;
/// what the grain records for it. Pure. Recorded once per appointment: the flag and its alarm key are in the state.
/// </summary>
public static class RiskWarnings
{
    public const string Reason = "Có nguy cơ trễ hạn / At risk of being late";

    /// <summary>
    /// <see cref="DossierFlaggedAtRisk"/> and the apology draft (basis <c>at-risk</c>), or nothing with why: the clock is not
    /// running, the appointment is no longer the one the risk was estimated for, or the dossier is flagged already.
    /// </summary>
    /// <param name="dueAt">The appointment the estimate was made against.</param>
    /// <param name="deadlines">The competent unit's rules (the draft's days, as <c>extend</c> counts them).</param>
    public static AlarmOutcome Decide(
        DossierState state, DateTimeOffset dueAt, double probability, DateTimeOffset predictedFinishAt, IReadOnlyList<RiskReason> reasons,
        DateTimeOffset now, IDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(reasons);
        if (!state.ClockRunning)
        {
            return None("the clock is not running (closed, resolved or stopped for a supplement)");
        }

        if (state.DueAt != dueAt)
        {
            return None("the appointment changed since the estimate");
        }

        if (state.AtRisk || state.RaisedAlarms.Contains(AlarmKey.For(AlarmKind.AtRisk, AlarmKey.DossierScope, dueAt)))
        {
            return None("already flagged");
        }

        var holding = state.HoldingUnit ?? state.Unit;
        var flag = new DossierFlaggedAtRisk(AlarmKey.DossierScope, dueAt, probability, predictedFinishAt, holding, [.. reasons],
            new EventMeta(DeadlineAlarms.SystemActor, DeadlineAlarms.SystemRole, holding, Reason, now));
        IDossierEvent[] events = ApologyDrafts.Draft(state, predictedFinishAt, ApologyDrafts.AtRisk, now, deadlines) is { } draft ? [flag, draft] : [flag];
        return new AlarmOutcome(events, TooEarly: false, "flagged");
    }

    private static AlarmOutcome None(string why) => new([], TooEarly: false, why);
}
