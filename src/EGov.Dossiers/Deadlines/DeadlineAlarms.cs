using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Deadlines;

/// <summary>What an alarm that fired leads to.</summary>
/// <param name="Events">The warning to record, or empty when the alarm no longer applies.</param>
/// <param name="TooEarly">The alarm arrived before its time by the platform's clock: schedule it again.</param>
/// <param name="Why">Why nothing was recorded (for the log).</param>
public sealed record AlarmOutcome(IReadOnlyList<IDossierEvent> Events, bool TooEarly, string Why);

/// <summary>
/// The pure part of deadline warnings: which alarms a change calls for, and what a fired alarm means for the dossier
/// as it is now. Each deadline (the dossier's, and its current step's when that has its own instant) has one pending
/// alarm at a time, its next warning: the commit that sets the deadline schedules the first (due-soon, or overdue
/// when the lead has already run), the commit that records the due-soon warning schedules the overdue one. A
/// dossier that moved on (new step, new appointment, result produced, closed) makes an old alarm a no-op; a repeated
/// delivery finds its key already raised.
/// </summary>
public static class DeadlineAlarms
{
    public const string SystemActor = "system";
    public const string SystemRole = "system";

    /// <summary>The alarms to schedule after a change from <paramref name="before"/> to <paramref name="after"/>: at most one per deadline.</summary>
    /// <param name="now">When the change was decided (for an imported history: when its last action happened).</param>
    /// <param name="fired">The alarm whose warning this change records, if it does.</param>
    public static IReadOnlyList<DeadlineAlarm> Plan(DossierState? before, DossierState after, DateTimeOffset now, IDeadlines deadlines, DeadlineAlarm? fired = null)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(deadlines);
        var alarms = new List<DeadlineAlarm>(2);
        if (!after.ClockRunning)
        {
            return alarms;
        }

        if (after.DueAt is { } due && due != before?.DueAt)
        {
            alarms.Add(First(after.Id, AlarmKey.DossierScope, due, now, deadlines));
        }

        // A step due at the dossier's own instant (typically the last step) is covered by the dossier's alarms:
        // one alarm instead of two for every such dossier on a morning when a hundred thousand fall due.
        if (after.StepDueAt is { } stepDue && after.CurrentStep is { } step && stepDue != after.DueAt
            && (stepDue != before?.StepDueAt || step.Id != before?.CurrentStep?.Id))
        {
            alarms.Add(First(after.Id, step.Id, stepDue, now, deadlines));
        }

        // A due-soon warning recorded by this change: its deadline's overdue alarm comes next. An alarm stored before
        // this scheme (unmarked) was scheduled together with its overdue alarm, which is pending already.
        if (fired is not { Chained: false })
        {
            foreach (var raised in NewlyRaisedDueSoon(before, after))
            {
                if (!after.RaisedAlarms.Contains(AlarmKey.For(AlarmKind.Overdue, raised.Scope, raised.DueAt))
                    && !alarms.Exists(a => a.Scope == raised.Scope && a.DueAt == raised.DueAt))
                {
                    alarms.Add(new DeadlineAlarm(after.Id, AlarmKind.Overdue, raised.Scope, raised.DueAt, raised.DueAt, Chained: true));
                }
            }
        }

        return alarms;
    }

    /// <summary>
    /// The first alarm of a deadline set at <paramref name="now"/>: due-soon, unless the deadline was set with less than
    /// the lead left (a 4-hour step was "soon" from the start: no due-soon noise), then overdue.
    /// </summary>
    public static DeadlineAlarm First(Guid dossierId, string scope, DateTimeOffset due, DateTimeOffset now, IDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var soon = deadlines.DueSoonAt(due);
        return soon > now
            ? new DeadlineAlarm(dossierId, AlarmKind.DueSoon, scope, due, soon, Chained: true)
            : new DeadlineAlarm(dossierId, AlarmKind.Overdue, scope, due, due, Chained: true);
    }

    // The due-soon warnings of the current deadlines that the change recorded.
    private static IEnumerable<(string Scope, DateTimeOffset DueAt)> NewlyRaisedDueSoon(DossierState? before, DossierState after)
    {
        if (after.RaisedAlarms.Count == (before?.RaisedAlarms.Count ?? 0))
        {
            yield break; // the usual case: no warning in this change
        }

        bool New(string scope, DateTimeOffset due)
        {
            var key = AlarmKey.For(AlarmKind.DueSoon, scope, due);
            return after.RaisedAlarms.Contains(key) && before?.RaisedAlarms.Contains(key) != true;
        }

        if (after.DueAt is { } d && New(AlarmKey.DossierScope, d))
        {
            yield return (AlarmKey.DossierScope, d);
        }

        if (after.StepDueAt is { } s && after.CurrentStep is { } step && New(step.Id, s))
        {
            yield return (step.Id, s);
        }
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

    private static AlarmOutcome None(string why) => new([], TooEarly: false, why);
}
