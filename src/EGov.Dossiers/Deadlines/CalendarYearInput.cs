using System.Globalization;
using EGov.Calendar;
using EGov.Web;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// A year of the calendar as an administrator sends it (dates as <c>yyyy-MM-dd</c> text), checked one date at a time
/// and then as a whole: the one validation behind <c>PUT /api/v1/calendar/{year}</c> and the host's
/// <c>calendar-import</c> command, so a file refused by one is refused by the other with the same messages.
/// </summary>
public static class CalendarYearInput
{
    /// <returns>The year, or null with the field errors (keyed <c>holidays[i]</c>, <c>workingDays[i]</c>, <c>calendar</c>).</returns>
    public static CalendarYear? Parse(int year, IReadOnlyList<string?>? holidays, IReadOnlyList<string?>? workingDays, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var days = ParseDates(holidays, "holidays", errors);
        var extra = ParseDates(workingDays, "workingDays", errors);
        if (errors.Count > before)
        {
            return null;
        }

        var parsed = new CalendarYear(year, days, extra);
        errors.AddRange(parsed.Validate().Select(m => new FieldError("calendar", "Dữ liệu lịch không hợp lệ / " + m)));
        return errors.Count > before ? null : parsed;
    }

    private static List<DateOnly> ParseDates(IReadOnlyList<string?>? texts, string field, List<FieldError> errors)
    {
        var days = new List<DateOnly>();
        if (texts is null)
        {
            errors.Add(new FieldError(field, "Bắt buộc (có thể là danh sách rỗng) / Required (an empty list is allowed)."));
            return days;
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (DateOnly.TryParseExact(texts[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                days.Add(day);
            }
            else
            {
                errors.Add(new FieldError($"{field}[{i}]", $"'{texts[i]}' không phải ngày dạng yyyy-MM-dd / '{texts[i]}' is not a date in the form yyyy-MM-dd."));
            }
        }

        return days;
    }
}
