namespace EGov.Dossiers.Tests.Oracle;

/// <summary>
/// The planner the platform ran before issue 16, kept as the oracle of the one-alarm-at-a-time planner: whenever a
/// commit changes the dossier's due instant or its current step, both warnings of each new deadline are scheduled
/// at once (due-soon skipped when its moment had passed), as unmarked alarms, the way they sit in stores today.
/// </summary>
internal static class FourAlarmPlanner
{
    public static IReadOnlyList<DeadlineAlarm> Plan(DossierState? before, DossierState after, DateTimeOffset now, IDeadlines deadlines)
    {
        var alarms = new List<DeadlineAlarm>();
        if (!after.ClockRunning)
        {
            return alarms;
        }

        if (after.DueAt is { } due && due != before?.DueAt)
        {
            AddPair(alarms, after.Id, AlarmKey.DossierScope, due, now, deadlines);
        }

        if (after.StepDueAt is { } stepDue && after.CurrentStep is { } step && stepDue != after.DueAt
            && (stepDue != before?.StepDueAt || step.Id != before?.CurrentStep?.Id))
        {
            AddPair(alarms, after.Id, step.Id, stepDue, now, deadlines);
        }

        return alarms;
    }

    private static void AddPair(List<DeadlineAlarm> alarms, Guid id, string scope, DateTimeOffset due, DateTimeOffset now, IDeadlines deadlines)
    {
        var soon = deadlines.DueSoonAt(due);
        if (soon > now)
        {
            alarms.Add(new DeadlineAlarm(id, AlarmKind.DueSoon, scope, due, soon));
        }

        alarms.Add(new DeadlineAlarm(id, AlarmKind.Overdue, scope, due, due));
    }
}
