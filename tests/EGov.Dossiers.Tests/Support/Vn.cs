namespace EGov.Dossiers.Tests.Support;

/// <summary>Viet Nam local instants and the real calendar-backed deadlines every test uses.</summary>
internal static class Vn
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static WorkingCalendar Calendar { get; } = WorkingCalendar.Vietnam();

    public static IDeadlines Deadlines { get; } = new CalendarDeadlines(new CalendarProvider(Calendar));

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Offset);
}
