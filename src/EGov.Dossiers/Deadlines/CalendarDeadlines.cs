using EGov.Calendar;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// The lifecycle's deadline arithmetic over the calendar in force. Instants go out in UTC: that is how they are
/// stored; the API renders them in the deployment's zone.
/// </summary>
public sealed class CalendarDeadlines(CalendarProvider calendars, WorkDuration? dueSoonLead = null) : IDeadlines
{
    /// <summary>The default warning lead: one working day before the due instant.</summary>
    public static readonly WorkDuration DefaultDueSoonLead = new(1, DurationUnit.WorkingDays);

    private readonly WorkDuration _lead = dueSoonLead ?? DefaultDueSoonLead;

    private WorkingCalendar Calendar => calendars.Current;

    public DateTimeOffset Due(DateTimeOffset start, int value, string unit) =>
        Calendar.Due(start, new WorkDuration(value, Enum.Parse<DurationUnit>(unit))).ToUniversalTime();

    public DateTimeOffset SameDayDue(DateTimeOffset received) => Calendar.SameDayDue(received).ToUniversalTime();

    public TimeSpan OfficeTimeBetween(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? TimeSpan.Zero : Calendar.OfficeTimeBetween(from, to);

    public DateTimeOffset AddOfficeTime(DateTimeOffset start, TimeSpan officeTime) => Calendar.AddOfficeTime(start, officeTime).ToUniversalTime();

    public DateTimeOffset DueSoonAt(DateTimeOffset due) => Calendar.DueSoonThreshold(due, _lead).ToUniversalTime();

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Calendar.TimeZone).DateTime);

    public DateTimeOffset InZone(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Calendar.TimeZone);
}
