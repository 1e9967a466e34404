using System.Globalization;
using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// The at-risk flag's end (docs/foresight.md, "The flag"): a flagged dossier whose probability fell below the clear
/// threshold caught up, so it leaves the officers' at-risk lists. Pure. Once per episode: the flag is in the state.
/// </summary>
public static class RiskClears
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// <see cref="DossierRiskCleared"/>, or nothing with why: not flagged, the appointment changed, the probability is
    /// not below <paramref name="clearBelow"/>, the clock is not running, or the appointment has passed (an overdue
    /// dossier is late whatever the estimate says: escalation has it, and the flag stays).
    /// </summary>
    /// <param name="deadlines">The competent unit's rules (when the dossier is due soon).</param>
    public static AlarmOutcome Decide(DossierState state, DateTimeOffset dueAt, double probability, double clearBelow, DateTimeOffset now, IDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(deadlines);
        if (!state.AtRisk)
        {
            return None("not flagged");
        }

        if (state.DueAt != dueAt)
        {
            return None("the appointment changed since the estimate");
        }

        if (!state.ClockRunning)
        {
            return None("the clock is not running (closed, resolved or stopped for a supplement)");
        }

        if (now >= dueAt)
        {
            return None("overdue: the flag stays");
        }

        if (!(probability < clearBelow))
        {
            return None("not below the clear threshold");
        }

        // The draft the flag prepared goes with it while the dossier is not yet due soon: the due-soon warning prepares
        // its own if the work is still open then. From the due-soon instant on the draft is what the officer needs.
        var withdraw = state.ApologyDraft is { Basis: ApologyDrafts.AtRisk } && now < deadlines.DueSoonAt(dueAt);
        var holding = state.HoldingUnit ?? state.Unit;
        var why = string.Create(Vi, $"Hết nguy cơ trễ hạn: xác suất {probability:0.00} dưới ngưỡng {clearBelow:0.00}")
            + string.Create(CultureInfo.InvariantCulture, $" / No longer at risk: probability {probability:0.00} below {clearBelow:0.00}");
        var cleared = new DossierRiskCleared(AlarmKey.DossierScope, dueAt, probability, clearBelow, holding, withdraw,
            new EventMeta(DeadlineAlarms.SystemActor, DeadlineAlarms.SystemRole, holding, why, now));
        return new AlarmOutcome([cleared], TooEarly: false, "cleared");
    }

    private static AlarmOutcome None(string why) => new([], TooEarly: false, why);
}
