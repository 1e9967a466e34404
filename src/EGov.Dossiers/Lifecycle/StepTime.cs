namespace EGov.Dossiers.Lifecycle;

/// <summary>
/// The office time a step takes: its declared allowance, and what the current step has used so far on the calendar
/// of the unit holding it, pauses for a supplement excluded (docs/foresight.md, "The model": s). The step-ending
/// events record <see cref="Used"/> as the history later dossiers' risk is estimated from.
/// </summary>
public static class StepTime
{
    /// <summary>The step's allowance in office time (days × the working day's office hours, or hours).</summary>
    /// <param name="at">Any instant in the calendar's range: the length does not depend on it.</param>
    public static TimeSpan Allowance(Events.PlannedStep step, DateTimeOffset at, IDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(deadlines);

        // Due is "the allowance's office time after the start", so the office time up to it is the allowance itself.
        return deadlines.OfficeTimeBetween(at, deadlines.Due(at, step.AllowanceValue, step.AllowanceUnit));
    }

    /// <summary>
    /// What the current step has used at <paramref name="now"/>: the allowance less the office time left to the step's
    /// due instant, or the allowance plus the office time since it; frozen at the pause while stopped. Null when no
    /// step runs or it has no due instant.
    /// </summary>
    /// <param name="deadlines">Any unit's rules: the step's own unit's are taken from it.</param>
    /// <param name="allowance">The current step's <see cref="Allowance"/> when the caller has it already (the risk sweep's hot path).</param>
    public static TimeSpan? Used(DossierState state, DateTimeOffset now, IDeadlines deadlines, TimeSpan? allowance = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(deadlines);
        if (state.CurrentStep is not { } step)
        {
            return null;
        }

        var d = deadlines.ForUnit(step.Unit);
        var full = allowance ?? Allowance(step, now, d);
        TimeSpan used;
        if (state.ClockStopped)
        {
            if (state.StepRemainingWhenStopped is not { } left)
            {
                return null;
            }

            used = full - left;
        }
        else if (state.StepDueAt is { } due)
        {
            used = due > now ? full - d.OfficeTimeBetween(now, due) : full + d.OfficeTimeBetween(due, now);
        }
        else
        {
            return null;
        }

        // A step whose due instant was capped at the dossier's (the first step of a short procedure) can have more
        // left than its allowance: it has used nothing yet, not less than nothing.
        return used < TimeSpan.Zero ? TimeSpan.Zero : used;
    }
}
