namespace EGov.Calendar;

/// <summary>
/// Folds an event list into the quantities the clock reports. Only the running segments since the last
/// full restart count: a restart discards what was consumed before it. Extensions count whenever they were
/// granted (even after the deadline passed), so the due instant is where consumption reaches the total budget.
/// </summary>
internal static class SlaFold
{
    public static DateTimeOffset? DueAt(IReadOnlyList<SlaEvent> events, WorkingCalendar calendar)
    {
        var budget = Budget(events, calendar);
        var consumed = TimeSpan.Zero;
        foreach (var (start, end) in Segments(events))
        {
            if (end is null)
            {
                return calendar.AddOfficeTime(start, budget - consumed);
            }

            var segment = calendar.OfficeTimeBetween(start, end.Value);
            if (consumed + segment >= budget)
            {
                // The deadline fell inside a segment that was later paused: it stays where it fell.
                return calendar.AddOfficeTime(start, budget - consumed);
            }

            consumed += segment;
        }

        return null;
    }

    public static TimeSpan Remaining(IReadOnlyList<SlaEvent> events, WorkingCalendar calendar, DateTimeOffset asOf)
    {
        var seen = events.Where(e => e.At <= asOf).ToArray();
        if (seen.Length == 0)
        {
            return calendar.ToOfficeTime(((SlaStarted)events[0]).Duration);
        }

        var consumed = TimeSpan.Zero;
        foreach (var (start, end) in Segments(seen))
        {
            consumed += calendar.OfficeTimeBetween(start, end ?? asOf);
        }

        return Budget(seen, calendar) - consumed;
    }

    private static TimeSpan Budget(IEnumerable<SlaEvent> events, WorkingCalendar calendar)
    {
        var budget = TimeSpan.Zero;
        foreach (var e in events)
        {
            budget += e switch
            {
                SlaStarted started => calendar.ToOfficeTime(started.Duration),
                SlaExtended extended => calendar.ToOfficeTime(extended.Extra),
                _ => TimeSpan.Zero,
            };
        }

        return budget;
    }

    /// <summary>Running segments since the last restart; the last one has no end while the clock runs.</summary>
    private static List<(DateTimeOffset Start, DateTimeOffset? End)> Segments(IEnumerable<SlaEvent> events)
    {
        var segments = new List<(DateTimeOffset, DateTimeOffset?)>();
        DateTimeOffset? runningSince = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case SlaStarted:
                    runningSince = e.At;
                    break;
                case SlaPaused when runningSince is { } since:
                    segments.Add((since, e.At));
                    runningSince = null;
                    break;
                case SlaResumed resumed:
                    if (resumed.Policy == ResumePolicy.RestartFullTime)
                    {
                        segments.Clear();
                    }

                    runningSince = e.At;
                    break;
                default:
                    break;
            }
        }

        if (runningSince is { } open)
        {
            segments.Add((open, null));
        }

        return segments;
    }
}
