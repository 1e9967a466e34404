using System.Globalization;

namespace EGov.Kernel;

/// <summary>
/// The ranges of every instant, date, year and count the HTTP API accepts (docs/deadlines.md, "Input ranges"). One place,
/// so the endpoints, their OpenAPI descriptions and their 400 messages agree. Out of range is a 400 problem whose
/// <c>errors</c> names the parameter and states its range; the calendar itself computes on a wider range (1900..2299)
/// so that stored instants (a due date years after its start) stay computable.
/// </summary>
public static class InputRanges
{
    /// <summary>The first calendar year the API accepts (calendar years, report periods).</summary>
    public const int FirstYear = 2000;

    /// <summary>The last calendar year the API accepts.</summary>
    public const int LastYear = 2100;

    /// <summary>The earliest instant accepted: 2000-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset FirstInstant = new(FirstYear, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest instant accepted: 2100-12-31T23:59:59.9999999Z.</summary>
    public static readonly DateTimeOffset LastInstant = new DateTimeOffset(LastYear + 1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1);

    /// <summary>The earliest date of a period or calendar day: 2000-01-01.</summary>
    public static readonly DateOnly FirstDate = new(FirstYear, 1, 1);

    /// <summary>The latest date of a period, calendar day or document: 2100-12-31.</summary>
    public static readonly DateOnly LastDate = new(LastYear, 12, 31);

    /// <summary>The earliest issue or expiry date of a document: 1900-01-01 (an old birth certificate predates the platform).</summary>
    public static readonly DateOnly FirstDocumentDate = new(1900, 1, 1);

    /// <summary>The longest duration the calculator takes in working days (ten years of them).</summary>
    public const int MaxWorkingDays = 3650;

    /// <summary>The longest duration in working hours: <see cref="MaxWorkingDays"/> of 8-hour days.</summary>
    public const int MaxWorkingHours = MaxWorkingDays * 8;

    /// <summary>The highest page number of a list (200 per page: two million entries; nobody pages further).</summary>
    public const int MaxPage = 10_000;

    /// <summary>The range of an instant as the OpenAPI description and messages say it.</summary>
    public const string InstantRangeText = "2000-01-01T00:00:00Z..2100-12-31T23:59:59Z";

    /// <summary>Whether the API accepts <paramref name="instant"/> (compared in UTC, whatever its offset).</summary>
    public static bool Contains(DateTimeOffset instant) => instant >= FirstInstant && instant <= LastInstant;

    /// <summary>Whether <paramref name="date"/> lies in <see cref="FirstDate"/>..<see cref="LastDate"/>.</summary>
    public static bool Contains(DateOnly date) => date >= FirstDate && date <= LastDate;

    /// <summary>The bilingual message of an instant out of range.</summary>
    public static string InstantMessage(string field) =>
        $"{field} phải trong khoảng {InstantRangeText} / {field} must be an instant from 2000-01-01T00:00:00Z to 2100-12-31T23:59:59Z.";

    /// <summary>The bilingual message of a date out of <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static string DateMessage(string field, DateOnly first, DateOnly last) => string.Create(CultureInfo.InvariantCulture,
        $"{field} là ngày yyyy-MM-dd từ {first:yyyy-MM-dd} đến {last:yyyy-MM-dd} / {field} must be a date yyyy-MM-dd from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}.");

    /// <summary>The bilingual message of a count out of <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static string CountMessage(string field, long min, long max) => string.Create(CultureInfo.InvariantCulture,
        $"{field} là số nguyên từ {min} đến {max} / {field} must be a whole number from {min} to {max}.");
}
