using System.Globalization;
using EGov.Calendar;
using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;
using EGov.Modules.Sdk;

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
    /// <param name="policy">The dossier's module's foresight policy (step warning share, escalation chain); the platform's defaults when null.</param>
    public static IReadOnlyList<DeadlineAlarm> Plan(DossierState? before, DossierState after, DateTimeOffset now, IDeadlines deadlines, DeadlineAlarm? fired = null,
        ForesightPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(deadlines);
        policy ??= ForesightPolicy.Default;
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
            alarms.Add(First(after.Id, step.Id, stepDue, now, deadlines, ShareUsedAt(step, stepDue, now, deadlines, policy.StepWarningFraction)));
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

        if (NextEscalation(before, after, deadlines, policy) is { } escalation)
        {
            alarms.Add(escalation);
        }

        return alarms;
    }

    /// <summary>
    /// The first alarm of a deadline set at <paramref name="now"/>: due-soon, unless the deadline was set with less than
    /// the lead left (a 4-hour step was "soon" from the start: no due-soon noise), then overdue.
    /// </summary>
    /// <param name="shareUsedAt">
    /// For a step: when the step will have used its module's warning share of its allowance; the due-soon warning fires
    /// then if that is before the lead (issue 19). Null for the dossier's own deadline.
    /// </param>
    public static DeadlineAlarm First(Guid dossierId, string scope, DateTimeOffset due, DateTimeOffset now, IDeadlines deadlines, DateTimeOffset? shareUsedAt = null)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var soon = deadlines.DueSoonAt(due);
        if (shareUsedAt is { } share && share > now && share < soon)
        {
            soon = share;
        }

        return soon > now
            ? new DeadlineAlarm(dossierId, AlarmKind.DueSoon, scope, due, soon, Chained: true)
            : new DeadlineAlarm(dossierId, AlarmKind.Overdue, scope, due, due, Chained: true);
    }

    /// <summary>
    /// When the step due at <paramref name="stepDue"/> will have used <paramref name="fraction"/> of its allowance, or null
    /// when it already has (set late, or resumed after the share): counted from what it has used at <paramref name="now"/>.
    /// </summary>
    public static DateTimeOffset? ShareUsedAt(PlannedStep step, DateTimeOffset stepDue, DateTimeOffset now, IDeadlines deadlines, double fraction)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(deadlines);
        if (fraction >= 1)
        {
            return null;
        }

        var allowance = StepTime.Allowance(step, now, deadlines);
        var used = allowance - deadlines.OfficeTimeBetween(now, stepDue);
        var toShare = TimeSpan.FromTicks((long)(allowance.Ticks * fraction)) - (used < TimeSpan.Zero ? TimeSpan.Zero : used);
        return toShare > TimeSpan.Zero ? deadlines.AddOfficeTime(now, toShare) : null;
    }

    // The escalation chain (issue 19): the commit that records the dossier's overdue warning, or a level of the chain,
    // schedules the next level that is not recorded inline, at the appointment plus its working days.
    private static DeadlineAlarm? NextEscalation(DossierState? before, DossierState after, IDeadlines deadlines, ForesightPolicy policy)
    {
        if (after.DueAt is not { } due || after.RaisedAlarms.Count == (before?.RaisedAlarms.Count ?? 0))
        {
            return null;
        }

        bool New(string key) => after.RaisedAlarms.Contains(key) && before?.RaisedAlarms.Contains(key) != true;

        // The highest level this change recorded; 0 when it recorded the overdue warning and no level with it.
        var reached = Enumerable.Range(1, policy.Escalation.Count).LastOrDefault(level => New(AlarmKey.Escalation(level, due)));
        if (reached == 0 && !New(AlarmKey.For(AlarmKind.Overdue, AlarmKey.DossierScope, due)))
        {
            return null;
        }

        // A chain starting at 0 days records level 1 with the overdue warning itself (Decide), never by an alarm.
        if (reached >= policy.Escalation.Count || (reached == 0 && policy.Escalation[0].OverdueWorkingDays == 0))
        {
            return null;
        }

        var next = reached + 1;
        var at = deadlines.Due(due, policy.Escalation[next - 1].OverdueWorkingDays, DurationUnit.WorkingDays);
        return new DeadlineAlarm(after.Id, AlarmKind.Escalation, EscalationScope(next), due, at, Chained: true);
    }

    /// <summary>The scope of escalation level <paramref name="level"/>'s alarm: <c>dossier#2</c>.</summary>
    public static string EscalationScope(int level) => string.Create(CultureInfo.InvariantCulture, $"{AlarmKey.DossierScope}#{level}");

    // The level an escalation alarm's scope names, or 0 when it names none.
    private static int EscalationLevel(string scope) =>
        scope.StartsWith(AlarmKey.DossierScope + "#", StringComparison.Ordinal)
        && int.TryParse(scope.AsSpan(AlarmKey.DossierScope.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : 0;

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
    /// <param name="foresight">
    /// The module's policy and the estimator (issue 19): with it, the dossier's due-soon warning comes with the apology
    /// draft, its overdue warning with escalation level 1 (when the chain starts at 0 days), and escalation alarms
    /// record their level. Without it, only the clock's warnings.
    /// </param>
    public static AlarmOutcome Decide(DossierState state, DeadlineAlarm alarm, DateTimeOffset now, AlarmContext? foresight = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(alarm);
        if (!state.ClockRunning)
        {
            return None("the clock is not running (closed, resolved or stopped for a supplement)");
        }

        var level = alarm.Kind == AlarmKind.Escalation ? EscalationLevel(alarm.Scope) : 0;
        var current = alarm.Scope == AlarmKey.DossierScope || level > 0
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
        if (alarm.Kind == AlarmKind.Escalation)
        {
            return foresight is not null && Escalate(state, level, alarm.DueAt, now, foresight.Policy) is { } escalated
                ? new AlarmOutcome([escalated], TooEarly: false, "raised")
                : None("no such escalation level in the module's chain");
        }

        var scopeText = alarm.Scope == AlarmKey.DossierScope ? "hồ sơ / dossier" : $"bước {alarm.Scope} / step {alarm.Scope}";
        IDossierEvent e = alarm.Kind == AlarmKind.DueSoon
            ? new DeadlineNeared(alarm.Scope, alarm.DueAt, holding,
                new EventMeta(SystemActor, SystemRole, holding, $"Sắp đến hạn ({scopeText}) / Due soon", now))
            : new DeadlineMissed(alarm.Scope, alarm.DueAt, holding,
                new EventMeta(SystemActor, SystemRole, holding, $"Quá hạn ({scopeText}) / Overdue", now));
        return new AlarmOutcome([e, .. Foresight(state, alarm, now, foresight)], TooEarly: false, "raised");
    }

    // What the dossier's own warnings bring along (issue 19): the apology draft with due-soon (unless one is prepared
    // for this appointment already), escalation level 1 with overdue when the chain starts at 0 working days.
    private static IEnumerable<IDossierEvent> Foresight(DossierState state, DeadlineAlarm alarm, DateTimeOffset now, AlarmContext? foresight)
    {
        if (foresight is null || alarm.Scope != AlarmKey.DossierScope)
        {
            yield break;
        }

        if (alarm.Kind == AlarmKind.DueSoon && state.ApologyDraft is null
            && ApologyDrafts.Draft(state, foresight.PredictFinish(state, now) ?? alarm.DueAt, ApologyDrafts.DueSoon, now, foresight.Deadlines) is { } draft)
        {
            yield return draft;
        }

        if (alarm.Kind == AlarmKind.Overdue && foresight.Policy.Escalation is [{ OverdueWorkingDays: 0 }, ..]
            && Escalate(state, 1, alarm.DueAt, now, foresight.Policy) is { } first)
        {
            yield return first;
        }
    }

    /// <summary>Level <paramref name="level"/> of the chain for the appointment <paramref name="due"/>, or null when the chain has no such level or it is recorded.</summary>
    public static DossierEscalated? Escalate(DossierState state, int level, DateTimeOffset due, DateTimeOffset now, ForesightPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        if (level < 1 || level > policy.Escalation.Count || state.RaisedAlarms.Contains(AlarmKey.Escalation(level, due)))
        {
            return null;
        }

        var step = policy.Escalation[level - 1];
        var unit = step.Target == EscalationTarget.DepartmentHead ? state.Unit : state.HoldingUnit ?? state.Unit;
        var days = step.OverdueWorkingDays;
        return new DossierEscalated(level, Kernel.Roles.Leader, unit, days, due,
            new EventMeta(SystemActor, SystemRole, unit,
                string.Create(CultureInfo.InvariantCulture, $"Quá hạn {days} ngày làm việc: chuyển cấp {level} / Overdue by {days} working days: escalation level {level}"), now));
    }

    private static AlarmOutcome None(string why) => new([], TooEarly: false, why);
}
