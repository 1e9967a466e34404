namespace EGov.Calendar.Tests.Oracle;

/// <summary>
/// Brute-force reference for the calendar rule. It reads the same data as the engine (options and years) but
/// shares none of its code: it decides working days itself and walks the local wall clock one minute at a time,
/// counting a minute [m, m+1) as office time when its day is a working day and the minute lies in an office
/// interval. Inputs must be whole minutes and office intervals must start and end on whole minutes.
/// </summary>
internal sealed class MinuteOracle
{
    private const int MinutesPerDay = 1440;

    private readonly bool[] _officeMinute = new bool[MinutesPerDay];
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpDays;
    private readonly bool _countSaturday;
    private readonly int _cutoffMinute;
    private readonly TimeZoneInfo _zone;

    public MinuteOracle(CalendarOptions options, IEnumerable<CalendarYear> years)
    {
        var data = years.ToArray();
        _holidays = [.. data.SelectMany(y => y.Holidays)];
        _makeUpDays = [.. data.SelectMany(y => y.WorkingDays)];
        _countSaturday = options.CountSaturday;
        _cutoffMinute = MinuteOfDay(options.SameDayCutoff);
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);
        foreach (var interval in options.OfficeHours)
        {
            for (var m = MinuteOfDay(interval.Start); m < MinuteOfDay(interval.End); m++)
            {
                _officeMinute[m] = true;
            }
        }

        DayMinutes = _officeMinute.Count(open => open);
        CloseMinute = Array.LastIndexOf(_officeMinute, true) + 1;
    }

    /// <summary>Office minutes in one working day.</summary>
    public int DayMinutes { get; }

    /// <summary>The minute of day at which the last interval closes.</summary>
    public int CloseMinute { get; }

    public bool IsWorkingDay(DateOnly date)
    {
        if (_holidays.Contains(date))
        {
            return false;
        }

        if (_makeUpDays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek switch
        {
            DayOfWeek.Sunday => false,
            DayOfWeek.Saturday => _countSaturday,
            _ => true,
        };
    }

    public int Minutes(WorkDuration duration) =>
        duration.Unit == DurationUnit.WorkingDays ? duration.Value * DayMinutes : duration.Value * 60;

    /// <summary>Earliest instant at which <paramref name="minutes"/> office minutes have passed since <paramref name="start"/>.</summary>
    public DateTimeOffset Due(DateTimeOffset start, int minutes)
    {
        var m = ToMinute(start);
        var days = new DayCache(this);
        var counted = 0;
        while (counted < minutes)
        {
            if (days.IsOfficeMinute(m))
            {
                counted++;
            }

            m++;
        }

        return FromMinute(m);
    }

    /// <summary>Latest instant from which <paramref name="minutes"/> office minutes pass until <paramref name="end"/>.</summary>
    public DateTimeOffset LatestBefore(DateTimeOffset end, int minutes)
    {
        var m = ToMinute(end);
        var days = new DayCache(this);
        var counted = 0;
        while (counted < minutes)
        {
            m--;
            if (days.IsOfficeMinute(m))
            {
                counted++;
            }
        }

        return FromMinute(m);
    }

    /// <summary>Office minutes from <paramref name="from"/> to <paramref name="to"/>, negative when reversed.</summary>
    public long MinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var (a, b) = (ToMinute(from), ToMinute(to));
        var sign = a <= b ? 1 : -1;
        var days = new DayCache(this);
        long counted = 0;
        for (var m = Math.Min(a, b); m < Math.Max(a, b); m++)
        {
            if (days.IsOfficeMinute(m))
            {
                counted++;
            }
        }

        return sign * counted;
    }

    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        var m = ToMinute(instant);
        var days = new DayCache(this);
        while (!days.IsOfficeMinute(m))
        {
            m++;
        }

        return FromMinute(m);
    }

    public DateTimeOffset SameDayDue(DateTimeOffset received)
    {
        var m = ToMinute(received);
        var date = DateOnly.FromDayNumber((int)(m / MinutesPerDay));
        if (!(IsWorkingDay(date) && m % MinutesPerDay < _cutoffMinute))
        {
            do
            {
                date = date.AddDays(1);
            }
            while (!IsWorkingDay(date));
        }

        return FromMinute(((long)date.DayNumber * MinutesPerDay) + CloseMinute);
    }

    /// <summary>Local minute number (minutes since 0001-01-01 on the local wall clock).</summary>
    public long ToMinute(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _zone).DateTime;
        if (local.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentException("The oracle works on whole minutes only.", nameof(instant));
        }

        return local.Ticks / TimeSpan.TicksPerMinute;
    }

    public DateTimeOffset FromMinute(long minute)
    {
        var local = new DateTime(minute * TimeSpan.TicksPerMinute);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }

    private static int MinuteOfDay(TimeOnly time) => (time.Hour * 60) + time.Minute;

    /// <summary>Remembers the working-day answer for the day being walked so a minute walk stays cheap.</summary>
    internal sealed class DayCache(MinuteOracle oracle)
    {
        private long _day = -1;
        private bool _working;

        public bool IsOfficeMinute(long minute)
        {
            var day = minute / MinutesPerDay;
            if (day != _day)
            {
                _day = day;
                _working = oracle.IsWorkingDay(DateOnly.FromDayNumber((int)day));
            }

            return _working && oracle._officeMinute[minute % MinutesPerDay];
        }
    }
}
