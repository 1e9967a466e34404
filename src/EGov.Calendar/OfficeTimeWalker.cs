namespace EGov.Calendar;

/// <summary>
/// Office-time arithmetic on the local wall clock. Every walk goes one calendar day at a time and one
/// office interval at a time (never minute by minute), and skips a whole working day in one step when it
/// can, so 60 working days cost about 85 iterations.
/// </summary>
internal sealed class OfficeTimeWalker(OfficeSchedule schedule, WorkingDayRule rule)
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    public OfficeSchedule Schedule { get; } = schedule;

    public bool IsWorkingDay(DateOnly date) => rule.IsWorkingDay(date);

    /// <summary>Earliest local time at which <paramref name="ticks"/> (&gt; 0) of office time has elapsed since <paramref name="from"/>.</summary>
    public DateTime Forward(DateTime from, long ticks)
    {
        var date = DateOnly.FromDateTime(from);
        var time = from.TimeOfDay.Ticks;
        while (true)
        {
            if (rule.IsWorkingDay(date))
            {
                if (time == 0 && ticks > Schedule.DayTicks)
                {
                    ticks -= Schedule.DayTicks;
                }
                else
                {
                    for (var i = 0; i < Schedule.Count; i++)
                    {
                        var end = Schedule.Ends[i];
                        if (time >= end)
                        {
                            continue;
                        }

                        var open = Math.Max(Schedule.Starts[i], time);
                        var available = end - open;
                        if (ticks <= available)
                        {
                            // "<=" makes a duration that runs out exactly at a closing time due at that closing time.
                            return At(date, open + ticks);
                        }

                        ticks -= available;
                    }
                }
            }

            date = Next(date);
            time = 0;
        }
    }

    /// <summary>Latest local time before <paramref name="to"/> from which <paramref name="ticks"/> (&gt; 0) of office time elapses until <paramref name="to"/>.</summary>
    public DateTime Backward(DateTime to, long ticks)
    {
        var date = DateOnly.FromDateTime(to);
        var time = to.TimeOfDay.Ticks;
        while (true)
        {
            if (rule.IsWorkingDay(date))
            {
                if (time == TicksPerDay && ticks > Schedule.DayTicks)
                {
                    ticks -= Schedule.DayTicks;
                }
                else
                {
                    for (var i = Schedule.Count - 1; i >= 0; i--)
                    {
                        var start = Schedule.Starts[i];
                        if (time <= start)
                        {
                            continue;
                        }

                        var close = Math.Min(Schedule.Ends[i], time);
                        var available = close - start;
                        if (ticks <= available)
                        {
                            // Latest instant: when the amount fits exactly, the answer is the opening time, not the previous close.
                            return At(date, close - ticks);
                        }

                        ticks -= available;
                    }
                }
            }

            date = Previous(date);
            time = TicksPerDay;
        }
    }

    /// <summary>Office time in [<paramref name="from"/>, <paramref name="to"/>), for from &lt;= to.</summary>
    public long Between(DateTime from, DateTime to)
    {
        var firstDate = DateOnly.FromDateTime(from);
        var lastDate = DateOnly.FromDateTime(to);
        long total = 0;
        for (var date = firstDate; date <= lastDate; date = date.AddDays(1))
        {
            if (rule.IsWorkingDay(date))
            {
                var low = date == firstDate ? from.TimeOfDay.Ticks : 0;
                var high = date == lastDate ? to.TimeOfDay.Ticks : TicksPerDay;
                total += low == 0 && high == TicksPerDay ? Schedule.DayTicks : Overlap(low, high);
            }

            if (date == lastDate)
            {
                break;
            }
        }

        return total;
    }

    /// <summary><paramref name="local"/> itself when the office is open then, otherwise the next opening.</summary>
    public DateTime NextOpening(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay.Ticks;
        while (true)
        {
            if (rule.IsWorkingDay(date))
            {
                for (var i = 0; i < Schedule.Count; i++)
                {
                    if (time < Schedule.Ends[i])
                    {
                        return At(date, Math.Max(Schedule.Starts[i], time));
                    }
                }
            }

            date = Next(date);
            time = 0;
        }
    }

    public bool IsOfficeTime(DateTime local)
    {
        if (!rule.IsWorkingDay(DateOnly.FromDateTime(local)))
        {
            return false;
        }

        var time = local.TimeOfDay.Ticks;
        for (var i = 0; i < Schedule.Count; i++)
        {
            if (time >= Schedule.Starts[i] && time < Schedule.Ends[i])
            {
                return true;
            }
        }

        return false;
    }

    public DateOnly NextWorkingDay(DateOnly after)
    {
        var date = Next(after);
        while (!rule.IsWorkingDay(date))
        {
            date = Next(date);
        }

        return date;
    }

    public DateTime Close(DateOnly date) => At(date, Schedule.CloseTicks);

    private long Overlap(long low, long high)
    {
        long total = 0;
        for (var i = 0; i < Schedule.Count; i++)
        {
            var start = Math.Max(Schedule.Starts[i], low);
            var end = Math.Min(Schedule.Ends[i], high);
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    // The walks stop at the calendar's outer dates: a calendar whose years are nearly all holidays would otherwise walk
    // into DateOnly.MaxValue and overflow. In range, with real data, no answer comes near them (see CalendarRange).
    private static DateOnly Next(DateOnly date) => date < CalendarRange.LastWalkDate
        ? date.AddDays(1)
        : throw new CalendarRangeException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The answer would fall after {CalendarRange.LastWalkDate:yyyy-MM-dd}, beyond the calendar's range."));

    private static DateOnly Previous(DateOnly date) => date > CalendarRange.FirstWalkDate
        ? date.AddDays(-1)
        : throw new CalendarRangeException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The answer would fall before {CalendarRange.FirstWalkDate:yyyy-MM-dd}, beyond the calendar's range."));

    private static DateTime At(DateOnly date, long timeTicks) => date.ToDateTime(TimeOnly.MinValue).AddTicks(timeTicks);
}
