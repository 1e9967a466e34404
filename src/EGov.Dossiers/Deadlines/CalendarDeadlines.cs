using EGov.Calendar;
using EGov.Dossiers.Lifecycle;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// The lifecycle's deadline arithmetic over the calendar in force. Instants go out in UTC: that is how they are
/// stored; the API renders them in the deployment's zone.
/// </summary>
public sealed class CalendarDeadlines(CalendarProvider calendars) : IDeadlines
{
    private WorkingCalendar Calendar => calendars.Current;

    public DateTimeOffset Due(DateTimeOffset start, int value, string unit) =>
        Calendar.Due(start, new WorkDuration(value, Enum.Parse<DurationUnit>(unit))).ToUniversalTime();

    public DateTimeOffset SameDayDue(DateTimeOffset received) => Calendar.SameDayDue(received).ToUniversalTime();

    public TimeSpan OfficeTimeBetween(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? TimeSpan.Zero : Calendar.OfficeTimeBetween(from, to);

    public DateTimeOffset AddOfficeTime(DateTimeOffset start, TimeSpan officeTime) => Calendar.AddOfficeTime(start, officeTime).ToUniversalTime();

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Calendar.TimeZone).DateTime);

    public DateTimeOffset InZone(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Calendar.TimeZone);
}
