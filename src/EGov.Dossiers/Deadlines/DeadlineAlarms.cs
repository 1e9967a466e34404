using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Deadlines;

/// <summary>What an alarm that fired leads to.</summary>
/// <param name="Events">The warning to record, or empty when the alarm no longer applies.</param>
/// <param name="TooEarly">The alarm arrived before its time by the platform's clock: schedule it again.</param>
/// <param name="Why">Why nothing was recorded (for the log).</param>
public sealed record AlarmOutcome(IReadOnlyList<IDossierEvent> Events, bool TooEarly, string Why);

/// <summary>
/// The pure part of deadline warnings: which alarms a change of deadlines calls for, and what a fired alarm means
/// for the dossier as it is now. A dossier that moved on (new step, new appointment, result produced, closed)
/// makes an old alarm a no-op; a repeated delivery finds its key already raised.
/// </summary>
public static class DeadlineAlarms
{
    public const string SystemActor = "system";
    public const string SystemRole = "system";

    /// <summary>The alarms to schedule after a change from <paramref name="before"/> to <paramref name="after"/>.</summary>
    /// <param name="now">When the deadlines were set (for an imported history: when its last action happened).</param>
    public static IReadOnlyList<DeadlineAlarm> Plan(DossierState? before, DossierState after, DateTimeOffset now, IDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(deadlines);
        var alarms = new List<DeadlineAlarm>();
        if (!after.ClockRunning)
        {
            return alarms;
        }

        if (after.DueAt is { } due && due != before?.DueAt)
        {
            AddPair(alarms, after.Id, AlarmKey.DossierScope, due, now, deadlines);
        }

        // A step due at the dossier's own instant (typically the last step) is covered by the dossier's alarms:
        // one alarm instead of two for every such dossier on a morning when a hundred thousand fall due.
        if (after.StepDueAt is { } stepDue && after.CurrentStep is { } step && stepDue != after.DueAt
            && (stepDue != before?.StepDueAt || step.Id != before?.CurrentStep?.Id))
        {
            AddPair(alarms, after.Id, step.Id, stepDue, now, deadlines);
        }

        return alarms;
    }

    /// <summary>What the alarm means now: a warning event, nothing, or "too early, try again at its time".</summary>
    public static AlarmOutcome Decide(DossierState state, DeadlineAlarm alarm, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(alarm);
        if (!state.ClockRunning)
        {
            return None("the clock is not running (closed, resolved or stopped for a supplement)");
        }

        var current = alarm.Scope == AlarmKey.DossierScope
            ? state.DueAt
            : state.CurrentStep?.Id == alarm.Scope ? state.StepDueAt : null;
        if (current != alarm.DueAt)
        {
            return None("the deadline changed or the step is done");
        }

        if (state.RaisedAlarms.Contains(AlarmKey.For(alarm.Kind, alarm.Scope, alarm.DueAt)))
        {
            return None("already raised");
        }

        if (now < alarm.FireAt)
        {
            return new AlarmOutcome([], TooEarly: true, "not yet due by the platform clock");
        }

        var holding = state.CurrentStep?.Unit ?? state.Unit;
        var scopeText = alarm.Scope == AlarmKey.DossierScope ? "hồ sơ / dossier" : $"bước {alarm.Scope} / step {alarm.Scope}";
        IDossierEvent e = alarm.Kind == AlarmKind.DueSoon
            ? new DeadlineNeared(alarm.Scope, alarm.DueAt, holding,
                new EventMeta(SystemActor, SystemRole, holding, $"Sắp đến hạn ({scopeText}) / Due soon", now))
            : new DeadlineMissed(alarm.Scope, alarm.DueAt, holding,
                new EventMeta(SystemActor, SystemRole, holding, $"Quá hạn ({scopeText}) / Overdue", now));
        return new AlarmOutcome([e], TooEarly: false, "raised");
    }

    private static void AddPair(List<DeadlineAlarm> alarms, Guid id, string scope, DateTimeOffset due, DateTimeOffset now, IDeadlines deadlines)
    {
        // A deadline set with less than the lead left (a 4-hour step) was "soon" from the start: no due-soon noise.
        var soon = deadlines.DueSoonAt(due);
        if (soon > now)
        {
            alarms.Add(new DeadlineAlarm(id, AlarmKind.DueSoon, scope, due, soon));
        }

        alarms.Add(new DeadlineAlarm(id, AlarmKind.Overdue, scope, due, due));
    }

    private static AlarmOutcome None(string why) => new([], TooEarly: false, why);
}
