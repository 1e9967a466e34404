using EGov.Calendar;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// The lifecycle's deadline arithmetic over the calendar in force. Instants go out in UTC: that is how they are
/// stored; the API renders them in the deployment's zone.
/// </summary>
public sealed class CalendarDeadlines : IDeadlines
{
    /// <summary>The default warning lead: one working day before the due instant.</summary>
    public static readonly WorkDuration DefaultDueSoonLead = new(1, DurationUnit.WorkingDays);

    private readonly CalendarProvider _calendars;
    private readonly WorkDuration _lead;
    private readonly IReadOnlySet<string> _saturdayUnits;
    private readonly bool _countSaturday;
    private readonly CalendarDeadlines? _saturdayTwin;

    // The twin's way back: a Saturday unit's rules asked for another unit's (a step held elsewhere) give the plain ones.
    private readonly CalendarDeadlines? _plain;
    private Derived? _derived;

    /// <param name="saturdayUnits">Units that receive and process on Saturdays: their Saturdays count as working days.</param>
    public CalendarDeadlines(CalendarProvider calendars, WorkDuration? dueSoonLead = null, IReadOnlySet<string>? saturdayUnits = null)
        : this(calendars, dueSoonLead ?? DefaultDueSoonLead, saturdayUnits ?? new HashSet<string>(), plain: null)
    {
    }

    private CalendarDeadlines(CalendarProvider calendars, WorkDuration lead, IReadOnlySet<string> saturdayUnits, CalendarDeadlines? plain)
    {
        _calendars = calendars;
        _lead = lead;
        _saturdayUnits = saturdayUnits;
        _countSaturday = plain is not null;
        _plain = plain;
        _saturdayTwin = _countSaturday || saturdayUnits.Count == 0 ? null : new CalendarDeadlines(calendars, lead, saturdayUnits, plain: this);
    }

    private WorkingCalendar Calendar => _countSaturday ? WithSaturdays(_calendars.Current) : _calendars.Current;

    public IDeadlines ForUnit(string? unit) => unit is null ? this
        : _plain is not null ? (_saturdayUnits.Contains(unit) ? this : _plain)
        : _saturdayTwin is not null && _saturdayUnits.Contains(unit) ? _saturdayTwin : this;

    /// <summary>The same rules over <paramref name="calendar"/> instead of the calendar in force (the old one, when a year changes).</summary>
    public CalendarDeadlines Over(WorkingCalendar calendar) => new(new CalendarProvider(calendar), _lead, _saturdayUnits, plain: null);

    public DateTimeOffset Due(DateTimeOffset start, int value, DurationUnit unit) =>
        Calendar.Due(start, new WorkDuration(value, unit)).ToUniversalTime();

    public DateTimeOffset SameDayDue(DateTimeOffset received) => Calendar.SameDayDue(received).ToUniversalTime();

    public TimeSpan OfficeTimeBetween(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? TimeSpan.Zero : Calendar.OfficeTimeBetween(from, to);

    public DateTimeOffset AddOfficeTime(DateTimeOffset start, TimeSpan officeTime) => Calendar.AddOfficeTime(start, officeTime).ToUniversalTime();

    public DateTimeOffset DueSoonAt(DateTimeOffset due) => Calendar.DueSoonThreshold(due, _lead).ToUniversalTime();

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Calendar.TimeZone).DateTime);

    public DateTimeOffset InZone(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Calendar.TimeZone);

    // The Saturday variant follows the calendar in force; it is rebuilt only when an administrator replaces a year.
    private WorkingCalendar WithSaturdays(WorkingCalendar source)
    {
        var cached = Volatile.Read(ref _derived);
        if (cached is not null && ReferenceEquals(cached.Source, source))
        {
            return cached.Calendar;
        }

        var o = source.Options;
        var calendar = new WorkingCalendar(
            new CalendarOptions { TimeZoneId = o.TimeZoneId, OfficeHours = o.OfficeHours, SameDayCutoff = o.SameDayCutoff, CountSaturday = true },
            source.Years.Values);
        Volatile.Write(ref _derived, new Derived(source, calendar));
        return calendar;
    }

    private sealed record Derived(WorkingCalendar Source, WorkingCalendar Calendar);
}
