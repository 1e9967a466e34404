using System.Globalization;

namespace EGov.Calendar;

/// <summary>
/// What the calendar computes on. Every public entry point of <see cref="WorkingCalendar"/> and
/// <see cref="WorkDuration"/> checks its arguments against these bounds and throws <see cref="CalendarRangeException"/>
/// outside them, so no input reaches <see cref="DateTime"/> arithmetic that would overflow near year 1 or 9999.
/// The bounds are wide (four centuries) because the calendar is also fed stored instants, e.g. a due instant ten
/// years after a start; the HTTP API accepts a narrower window (<c>EGov.Kernel.InputRanges</c>).
/// </summary>
public static class CalendarRange
{
    /// <summary>The earliest instant accepted: 1900-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset MinInstant = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest instant accepted: 2299-12-31T23:59:59.9999999Z.</summary>
    public static readonly DateTimeOffset MaxInstant = new DateTimeOffset(2300, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1);

    /// <summary>The longest duration in working days (ten years of them).</summary>
    public const int MaxWorkingDays = 3650;

    /// <summary>The longest duration in working hours: <see cref="MaxWorkingDays"/> of the default 8-hour day.</summary>
    public const int MaxWorkingHours = MaxWorkingDays * 8;

    /// <summary>
    /// No walk goes past these local dates: the answer for an in-range start and duration lies well inside them
    /// (2299 plus ten years of working days), and a walk over a calendar made almost only of holidays stops here
    /// with a refusal instead of running into year 9999.
    /// </summary>
    internal static readonly DateOnly FirstWalkDate = new(1800, 1, 1);

    internal static readonly DateOnly LastWalkDate = new(2399, 12, 31);

    /// <summary>The range as text, for messages: "1900-01-01T00:00:00Z..2299-12-31T23:59:59Z".</summary>
    public static string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{MinInstant:yyyy-MM-dd'T'HH:mm:ss'Z'}..{MaxInstant:yyyy-MM-dd'T'HH:mm:ss'Z'}");

    /// <summary>Whether the calendar accepts <paramref name="instant"/> (compared in UTC, whatever its offset).</summary>
    public static bool Contains(DateTimeOffset instant) => instant >= MinInstant && instant <= MaxInstant;
}
