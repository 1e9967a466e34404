namespace EGov.Calendar;

/// <summary>
/// The deployment's working-day calendar: time zone, office hours, Monday–Friday working days (plus Saturday
/// when <see cref="CalendarOptions.CountSaturday"/> is set), and per-year holidays and make-up working days.
/// Immutable and thread-safe. Years without data behave as plain weeks (Monday–Friday, plus Saturday when
/// counted), so a due instant in a year not yet published is provisional and is recomputed once the year's
/// <see cref="CalendarYear"/> is added with <see cref="WithYear"/>.
/// </summary>
/// <remarks>
/// Rule: the clock runs only during office time. N working days are N times the length of a normal day's
/// office hours; H working hours are H office hours. All results are in the deployment zone's offset.
/// Range: every instant argument must lie in <see cref="CalendarRange"/> (1900..2299, UTC) and every office-time
/// amount within <see cref="MaxOfficeTime"/>; anything else, and a walk whose answer would leave the range, throws
/// <see cref="CalendarRangeException"/> (never an overflow from the date arithmetic).
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly LocalClock _clock;
    private readonly OfficeTimeWalker _walker;
    private readonly Dictionary<int, CalendarYear> _years;

    /// <summary>Builds a calendar.</summary>
    /// <param name="options">Zone, office hours, cutoff and Saturday setting.</param>
    /// <param name="years">Holiday data per year; at most one entry per year.</param>
    /// <exception cref="ArgumentException">The options or a year fail validation, or a year is given twice.</exception>
    public WorkingCalendar(CalendarOptions options, IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(years);
        ThrowIfInvalid(options.Validate(), nameof(options));
        _years = [];
        foreach (var year in years)
        {
            ArgumentNullException.ThrowIfNull(year, nameof(years));
            ThrowIfInvalid(year.Validate(), nameof(years));
            if (!_years.TryAdd(year.Year, year))
            {
                throw new ArgumentException($"Year {year.Year} is given more than once.", nameof(years));
            }
        }

        CalendarOptions.TryFindZone(options.TimeZoneId, out var zone);

        // Snapshot the settings so a caller mutating its own list later cannot make Options lie about the calendar.
        Options = new CalendarOptions
        {
            TimeZoneId = options.TimeZoneId,
            OfficeHours = [.. options.OfficeHours.OrderBy(i => i.Start)],
            SameDayCutoff = options.SameDayCutoff,
            CountSaturday = options.CountSaturday,
        };
        Years = _years.AsReadOnly();
        _clock = new LocalClock(zone);
        _walker = new OfficeTimeWalker(new OfficeSchedule(Options.OfficeHours), new WorkingDayRule(_years.Values, Options.CountSaturday));
    }

    /// <summary>The settings this calendar was built with.</summary>
    public CalendarOptions Options { get; }

    /// <summary>The deployment's time zone.</summary>
    public TimeZoneInfo TimeZone => _clock.Zone;

    /// <summary>The holiday data this calendar holds, by year.</summary>
    public IReadOnlyDictionary<int, CalendarYear> Years { get; }

    /// <summary>Length of one working day: the total of a normal day's office hours (8 h by default).</summary>
    public TimeSpan WorkingDayLength => TimeSpan.FromTicks(_walker.Schedule.DayTicks);

    /// <summary>
    /// The largest office-time amount <see cref="AddOfficeTime"/> and <see cref="SubtractOfficeTime"/> accept (either
    /// sign): the longer of <see cref="CalendarRange.MaxWorkingDays"/> working days and
    /// <see cref="CalendarRange.MaxWorkingHours"/> hours, so any <see cref="WorkDuration"/> fits.
    /// </summary>
    public TimeSpan MaxOfficeTime => TimeSpan.FromTicks(Math.Max(
        CalendarRange.MaxWorkingDays * _walker.Schedule.DayTicks, CalendarRange.MaxWorkingHours * TimeSpan.TicksPerHour));

    /// <summary>
    /// The official Vietnamese calendar (2025 and 2026 data from <see cref="OfficialCalendar"/>) with the given
    /// options, or the defaults.
    /// </summary>
    public static WorkingCalendar Vietnam(CalendarOptions? options = null) =>
        new(options ?? new CalendarOptions(), OfficialCalendar.Years);

    /// <summary>A new calendar with <paramref name="year"/>'s data added or replaced; this one is unchanged.</summary>
    /// <exception cref="ArgumentException">The year fails <see cref="CalendarYear.Validate"/>.</exception>
    public WorkingCalendar WithYear(CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        var years = new Dictionary<int, CalendarYear>(_years) { [year.Year] = year };
        return new WorkingCalendar(Options, years.Values);
    }

    /// <summary>Whether the office works on <paramref name="date"/> (a local date).</summary>
    public bool IsWorkingDay(DateOnly date) => _walker.IsWorkingDay(date);

    /// <summary>Whether the office is open at <paramref name="instant"/> (opening inclusive, closing exclusive).</summary>
    /// <exception cref="CalendarRangeException"><paramref name="instant"/> is outside <see cref="CalendarRange"/>.</exception>
    public bool IsOfficeTime(DateTimeOffset instant) => _walker.IsOfficeTime(_clock.ToLocal(InRange(instant, nameof(instant))));

    /// <summary>The office time a duration stands for: days × <see cref="WorkingDayLength"/>, or hours.</summary>
    public TimeSpan ToOfficeTime(WorkDuration duration) => duration.Unit == DurationUnit.WorkingDays
        ? TimeSpan.FromTicks(checked(duration.Value * _walker.Schedule.DayTicks))
        : TimeSpan.FromHours(duration.Value);

    /// <summary>
    /// The due instant: the earliest instant at which the office time elapsed since <paramref name="start"/>
    /// equals <paramref name="duration"/>. A receipt outside office time effectively starts at the next opening;
    /// a duration that runs out exactly at a closing time is due at that closing time. Zero is due at
    /// <paramref name="start"/>.
    /// </summary>
    /// <exception cref="CalendarRangeException"><paramref name="start"/> is outside <see cref="CalendarRange"/>, or the
    /// answer would fall beyond the dates the calendar walks (a calendar made almost only of holidays).</exception>
    public DateTimeOffset Due(DateTimeOffset start, WorkDuration duration) => AddOfficeTime(InRange(start, nameof(start)), ToOfficeTime(duration));

    /// <summary>
    /// Like <see cref="Due"/> for an office-time amount: the earliest instant at which <paramref name="officeTime"/>
    /// of office time has elapsed since <paramref name="start"/>. Negative amounts go back (see <see cref="SubtractOfficeTime"/>).
    /// </summary>
    /// <exception cref="CalendarRangeException">An argument outside its range (see the class remarks).</exception>
    public DateTimeOffset AddOfficeTime(DateTimeOffset start, TimeSpan officeTime)
    {
        InRange(start, nameof(start));
        InRange(officeTime, nameof(officeTime));
        return officeTime < TimeSpan.Zero ? Backward(start, officeTime.Negate()) : Forward(start, officeTime);
    }

    /// <summary>
    /// The latest instant from which <paramref name="officeTime"/> of office time elapses until <paramref name="end"/>.
    /// When the amount runs out exactly at an opening time, the result is that opening time.
    /// </summary>
    /// <exception cref="CalendarRangeException">An argument outside its range (see the class remarks).</exception>
    public DateTimeOffset SubtractOfficeTime(DateTimeOffset end, TimeSpan officeTime)
    {
        InRange(end, nameof(end));
        InRange(officeTime, nameof(officeTime));
        return officeTime < TimeSpan.Zero ? Forward(end, officeTime.Negate()) : Backward(end, officeTime);
    }

    /// <summary>
    /// The instant that is <paramref name="before"/> of office time before <paramref name="due"/>, i.e. when a
    /// "due soon" warning fires (the latest such instant, so the warning is not raised early over a night or weekend).
    /// </summary>
    /// <exception cref="CalendarRangeException"><paramref name="due"/> is outside <see cref="CalendarRange"/>.</exception>
    public DateTimeOffset DueSoonThreshold(DateTimeOffset due, WorkDuration before) => SubtractOfficeTime(InRange(due, nameof(due)), ToOfficeTime(before));

    /// <summary>
    /// Office time between two instants. Negative when <paramref name="to"/> is before <paramref name="from"/>,
    /// so that <c>OfficeTimeBetween(a, b) == -OfficeTimeBetween(b, a)</c>.
    /// </summary>
    /// <exception cref="CalendarRangeException">An instant outside <see cref="CalendarRange"/>.</exception>
    public TimeSpan OfficeTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        InRange(from, nameof(from));
        InRange(to, nameof(to));
        if (to < from)
        {
            return OfficeTimeBetween(to, from).Negate();
        }

        return TimeSpan.FromTicks(_walker.Between(_clock.ToLocal(from), _clock.ToLocal(to)));
    }

    /// <summary><paramref name="instant"/> itself when the office is open then, otherwise the next opening time.</summary>
    /// <exception cref="CalendarRangeException"><paramref name="instant"/> is outside <see cref="CalendarRange"/>.</exception>
    public DateTimeOffset NextOpening(DateTimeOffset instant) => _clock.FromLocal(_walker.NextOpening(_clock.ToLocal(InRange(instant, nameof(instant)))));

    /// <summary>
    /// Due instant of a "same day" procedure: received on a working day strictly before
    /// <see cref="CalendarOptions.SameDayCutoff"/> → that day's closing time; otherwise (later, or on a day off)
    /// → the next working day's closing time.
    /// </summary>
    /// <exception cref="CalendarRangeException"><paramref name="received"/> is outside <see cref="CalendarRange"/>.</exception>
    public DateTimeOffset SameDayDue(DateTimeOffset received)
    {
        var local = _clock.ToLocal(InRange(received, nameof(received)));
        var date = DateOnly.FromDateTime(local);
        var sameDay = _walker.IsWorkingDay(date) && TimeOnly.FromDateTime(local) < Options.SameDayCutoff;
        return _clock.FromLocal(_walker.Close(sameDay ? date : _walker.NextWorkingDay(date)));
    }

    private DateTimeOffset Forward(DateTimeOffset start, TimeSpan officeTime) => officeTime == TimeSpan.Zero
        ? _clock.InZone(start)
        : _clock.FromLocal(_walker.Forward(_clock.ToLocal(start), officeTime.Ticks));

    private DateTimeOffset Backward(DateTimeOffset end, TimeSpan officeTime) => officeTime == TimeSpan.Zero
        ? _clock.InZone(end)
        : _clock.FromLocal(_walker.Backward(_clock.ToLocal(end), officeTime.Ticks));

    private static DateTimeOffset InRange(DateTimeOffset instant, string parameter) => CalendarRange.Contains(instant)
        ? instant
        : throw new CalendarRangeException(
            $"The instant {instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture)} is outside the calendar's range {CalendarRange.Describe()}.", parameter);

    private void InRange(TimeSpan officeTime, string parameter)
    {
        // Compared before any Negate(): TimeSpan.MinValue has no positive counterpart.
        var max = MaxOfficeTime;
        if (officeTime > max || officeTime < max.Negate())
        {
            throw new CalendarRangeException($"An office-time amount must be within ±{max.TotalHours:0} hours; {officeTime} is not.", parameter);
        }
    }

    private static void ThrowIfInvalid(IReadOnlyList<string> errors, string parameter)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), parameter);
        }
    }
}
