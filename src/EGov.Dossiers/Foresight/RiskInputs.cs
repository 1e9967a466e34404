using EGov.Calendar;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Foresight;

/// <summary>A step as the model sees it: who does it and its declared allowance in office time.</summary>
public sealed record StepInput(string Id, string Name, string Unit, TimeSpan Allowance);

/// <summary>
/// What the model needs of one dossier at one instant (docs/foresight.md, "The model"). All times are office time
/// on the calendar of the unit holding the dossier.
/// </summary>
/// <param name="Remaining">R: office time left to the appointment; negative once it has passed; frozen while paused.</param>
/// <param name="Current">The step holding the dossier, or null (approved, the result not yet issued).</param>
/// <param name="Spent">s: office time the current step has used (zero without one).</param>
/// <param name="Ahead">The steps still to come after the current one, in order.</param>
/// <param name="AheadFrom">Index in the dossier's plan of the first step ahead (caches the sum of the steps ahead by it).</param>
/// <param name="Paused">The clock is stopped for a supplement.</param>
/// <param name="WorkingDay">The office time of one working day on this calendar: the unit of the texts.</param>
/// <param name="Done">The steps already completed, in order (the dossier's pace is judged on them).</param>
/// <param name="DoneTime">Office time the completed steps used (statutory time − R − s); null when that cannot be told (an extension, a restarted clock).</param>
public sealed record RiskInput(
    TimeSpan Remaining,
    StepInput? Current,
    TimeSpan Spent,
    IReadOnlyList<StepInput> Ahead,
    int AheadFrom,
    bool Paused,
    TimeSpan WorkingDay,
    IReadOnlyList<StepInput>? Done = null,
    TimeSpan? DoneTime = null);

/// <summary>Builds the model's input from a dossier's state.</summary>
public static class RiskInputs
{
    /// <summary>
    /// The input for <paramref name="state"/> at <paramref name="now"/> on <paramref name="deadlines"/> (the holding
    /// unit's rules), or null when no deadline runs: not yet received, resolved, closed, or stopped without a
    /// recorded remaining time.
    /// </summary>
    public static RiskInput? From(DossierState state, IDeadlines deadlines, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(deadlines);
        if (!state.IsOpen || state.ResolvedAt is not null)
        {
            return null;
        }

        TimeSpan remaining;
        bool paused;
        if (state.ClockRunning && state.DueAt is { } due)
        {
            remaining = Signed(deadlines, now, due);
            paused = false;
        }
        else if (state.ClockStopped && state.RemainingWhenStopped is { } left)
        {
            remaining = left;
            paused = true;
        }
        else
        {
            return null;
        }

        // A working day's office time is days × the day length exactly (WorkingCalendar.ToOfficeTime), so one
        // round trip through the calendar gives every working-day allowance; hour allowances take their own.
        var day = Allowance(deadlines, now, 1, DurationUnit.WorkingDays, TimeSpan.Zero);
        var index = state.CurrentStepIndex;
        StepInput? current = null;
        var spent = TimeSpan.Zero;
        if (state.CurrentStep is { } step)
        {
            current = Step(step, deadlines, now, day);

            // The same s the step-ending events record as the history (StepTime): the model conditions on exactly
            // what the past dossiers' durations measured.
            spent = StepTime.Used(state, now, deadlines, current.Allowance) ?? TimeSpan.Zero;
        }

        var from = current is null ? state.Steps.Count : index + 1;
        var ahead = new StepInput[Math.Max(0, state.Steps.Count - from)];
        for (var i = 0; i < ahead.Length; i++)
        {
            ahead[i] = Step(state.Steps[from + i], deadlines, now, day);
        }

        var done = new StepInput[current is null ? 0 : index];
        for (var i = 0; i < done.Length; i++)
        {
            done[i] = Step(state.Steps[i], deadlines, now, day);
        }

        // Received with the statutory time, never extended nor restarted: what is not left and not the current step's
        // went on the completed steps.
        TimeSpan? doneTime = null;
        if (done.Length > 0 && state.Apologies == 0 && !state.Sla.RestartOnSupplement && !state.Sla.SameDay)
        {
            var used = Allowance(deadlines, now, state.Sla.Value, state.Sla.Unit, day) - remaining - spent;
            doneTime = used < TimeSpan.Zero ? TimeSpan.Zero : used;
        }

        return new RiskInput(remaining, current, spent, ahead, from, paused, day, done, doneTime);
    }

    private static StepInput Step(Events.PlannedStep step, IDeadlines deadlines, DateTimeOffset now, TimeSpan day) =>
        new(step.Id, step.Name, step.Unit, Allowance(deadlines, now, step.AllowanceValue, step.AllowanceUnit, day));

    /// <summary>The office time of a declared duration, measured at a reference instant: Due, then the office time to it.</summary>
    private static TimeSpan Allowance(IDeadlines deadlines, DateTimeOffset at, int value, DurationUnit unit, TimeSpan day) =>
        unit == DurationUnit.WorkingDays && day > TimeSpan.Zero
            ? TimeSpan.FromTicks(day.Ticks * value)
            : deadlines.OfficeTimeBetween(at, deadlines.Due(at, value, unit));

    /// <summary>Office time from <paramref name="now"/> to <paramref name="until"/>, negative when it has passed.</summary>
    private static TimeSpan Signed(IDeadlines deadlines, DateTimeOffset now, DateTimeOffset until) =>
        until >= now ? deadlines.OfficeTimeBetween(now, until) : -deadlines.OfficeTimeBetween(until, now);
}
