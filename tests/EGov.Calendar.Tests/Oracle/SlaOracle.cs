namespace EGov.Calendar.Tests.Oracle;

/// <summary>
/// Brute-force reference for the SLA clock: replays the events minute by minute on top of
/// <see cref="MinuteOracle"/>, counting office minutes only while running. A full restart zeroes the count.
/// All extensions add to the budget; the due instant is the end of the minute in which the count reaches it.
/// </summary>
internal sealed class SlaOracle(MinuteOracle calendar)
{
    /// <summary>Null while paused at the end of the history.</summary>
    public DateTimeOffset? DueAt(IReadOnlyList<SlaEvent> events)
    {
        var budget = events.Sum(e => e switch
        {
            SlaStarted s => calendar.Minutes(s.Duration),
            SlaExtended x => calendar.Minutes(x.Extra),
            _ => 0,
        });
        if (events.LastOrDefault(e => e is SlaPaused or SlaResumed) is SlaPaused)
        {
            return null;
        }

        var times = events.Select(e => calendar.ToMinute(e.At)).ToArray();
        var days = new MinuteOracle.DayCache(calendar);
        var m = times[0];
        var next = 0;
        var running = false;
        long consumed = 0;
        long? due = null;
        while (true)
        {
            while (next < events.Count && times[next] == m)
            {
                switch (events[next])
                {
                    case SlaStarted:
                        running = true;
                        due = budget == 0 ? m : null;
                        break;
                    case SlaPaused:
                        running = false;
                        break;
                    case SlaResumed { Policy: ResumePolicy.RestartFullTime }:
                        running = true;
                        consumed = 0;
                        due = budget == 0 ? m : null;
                        break;
                    case SlaResumed:
                        running = true;
                        break;
                    default:
                        break;
                }

                next++;
            }

            if (next == events.Count && due is { } found)
            {
                return calendar.FromMinute(found);
            }

            if (running && days.IsOfficeMinute(m))
            {
                consumed++;
                if (consumed == budget && due is null)
                {
                    due = m + 1;
                }
            }

            m++;
        }
    }

    /// <summary>Budget of the events seen by <paramref name="asOf"/> minus the office minutes consumed by then.</summary>
    public long RemainingMinutes(IReadOnlyList<SlaEvent> events, DateTimeOffset asOf)
    {
        var end = calendar.ToMinute(asOf);
        var seen = events.Where(e => calendar.ToMinute(e.At) <= end).ToArray();
        if (seen.Length == 0)
        {
            return calendar.Minutes(((SlaStarted)events[0]).Duration);
        }

        var budget = seen.Sum(e => e switch
        {
            SlaStarted s => calendar.Minutes(s.Duration),
            SlaExtended x => calendar.Minutes(x.Extra),
            _ => 0,
        });
        var days = new MinuteOracle.DayCache(calendar);
        var next = 0;
        var running = false;
        long consumed = 0;
        for (var m = calendar.ToMinute(seen[0].At); m < end || next < seen.Length; m++)
        {
            while (next < seen.Length && calendar.ToMinute(seen[next].At) == m)
            {
                switch (seen[next])
                {
                    case SlaStarted:
                        running = true;
                        break;
                    case SlaPaused:
                        running = false;
                        break;
                    case SlaResumed r:
                        running = true;
                        if (r.Policy == ResumePolicy.RestartFullTime)
                        {
                            consumed = 0;
                        }

                        break;
                    default:
                        break;
                }

                next++;
            }

            if (m < end && running && days.IsOfficeMinute(m))
            {
                consumed++;
            }
        }

        return budget - consumed;
    }
}
