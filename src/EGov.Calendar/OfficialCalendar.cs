using System.Globalization;
using System.Text.Json;

namespace EGov.Calendar;

/// <summary>
/// The official Vietnamese holidays and make-up working days shipped with the library (2025 and 2026), read
/// from the embedded resource <c>Data/vn-official-calendar.json</c>. Data rather than code so a new year's
/// notice is a reviewed data change with its source next to each date.
/// </summary>
public static class OfficialCalendar
{
    private const string ResourceName = "EGov.Calendar.Data.vn-official-calendar.json";

    private static readonly Lazy<IReadOnlyList<OfficialCalendarEntry>> _entries = new(Load);
    private static readonly Lazy<IReadOnlyList<CalendarYear>> _years = new(GroupByYear);

    /// <summary>Every shipped entry, in file order.</summary>
    public static IReadOnlyList<OfficialCalendarEntry> Entries => _entries.Value;

    /// <summary>The shipped entries grouped into one <see cref="CalendarYear"/> per year, ascending.</summary>
    public static IReadOnlyList<CalendarYear> Years => _years.Value;

    private static IReadOnlyList<CalendarYear> GroupByYear() =>
    [
        .. Entries
            .GroupBy(e => e.Date.Year)
            .OrderBy(g => g.Key)
            .Select(g => new CalendarYear(
                g.Key,
                [.. g.Where(e => e.Kind == CalendarDayKind.Holiday).Select(e => e.Date)],
                [.. g.Where(e => e.Kind == CalendarDayKind.WorkingDay).Select(e => e.Date)])),
    ];

    private static IReadOnlyList<OfficialCalendarEntry> Load()
    {
        using var stream = typeof(OfficialCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        using var document = JsonDocument.Parse(stream);

        // Parsed by hand (no reflection-based serializer) so the library stays trim- and AOT-friendly.
        var entries = new List<OfficialCalendarEntry>();
        foreach (var item in document.RootElement.GetProperty("entries").EnumerateArray())
        {
            var kind = item.GetProperty("kind").GetString() switch
            {
                "holiday" => CalendarDayKind.Holiday,
                "workingDay" => CalendarDayKind.WorkingDay,
                var other => throw new InvalidOperationException($"Unknown calendar entry kind '{other}'."),
            };
            entries.Add(new OfficialCalendarEntry(
                DateOnly.ParseExact(item.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                kind,
                item.GetProperty("name").GetString()!,
                item.GetProperty("source").GetString()!,
                item.TryGetProperty("unverified", out var flag) && flag.GetBoolean()));
        }

        return entries;
    }
}
