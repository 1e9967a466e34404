namespace EGov.Calendar;

/// <summary>What an official calendar entry declares about its date.</summary>
public enum CalendarDayKind
{
    /// <summary>The office is closed (public holiday, swapped day off or compensatory day).</summary>
    Holiday = 0,

    /// <summary>A Saturday or Sunday the office works (làm bù).</summary>
    WorkingDay = 1,
}
