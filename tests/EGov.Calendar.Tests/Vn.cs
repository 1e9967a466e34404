namespace EGov.Calendar.Tests;

/// <summary>Shorthands for Viet Nam local instants and the calendars the example tests use.</summary>
internal static class Vn
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The shipped official calendar (2025 and 2026) with default options.</summary>
    public static WorkingCalendar Official { get; } = WorkingCalendar.Vietnam();

    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Offset);
}
