using CsCheck;

namespace EGov.Calendar.Tests.Oracle;

/// <summary>
/// Generators for oracle properties. Holidays are placed around the start date (a Tết-like block plus
/// scattered days) so most cases actually cross them; make-up days are weekends near the start.
/// </summary>
internal static class Gens
{
    public const int Iterations = 10_000;

    private static readonly TimeSpan[] _inputOffsets = [TimeSpan.FromHours(7), TimeSpan.Zero, TimeSpan.FromHours(-5), TimeSpan.FromHours(9)];

    public static readonly Gen<IReadOnlyList<OfficeInterval>> OfficeHours =
        Gen.Int[0, 3].SelectMany(kind => kind == 0
            ? Gen.Const(CalendarOptions.DefaultOfficeHours)
            : from count in Gen.Int[1, 3]
              from raw in Gen.Int[0, 1439].Array[count * 2]
              let bounds = raw.Distinct().Order().ToArray()
              where bounds.Length == count * 2
              select (IReadOnlyList<OfficeInterval>)[.. Enumerable.Range(0, count).Select(i => new OfficeInterval(Time(bounds[2 * i]), Time(bounds[(2 * i) + 1])))]);

    public static readonly Gen<CalendarOptions> Options =
        from hours in OfficeHours
        from saturday in Gen.Bool
        from cutoff in Gen.Int[0, 1439]
        select new CalendarOptions { OfficeHours = hours, CountSaturday = saturday, SameDayCutoff = Time(cutoff) };

    public static readonly Gen<Scenario> Scenario =
        from options in Options
        from year in Gen.Int[2025, 2026]
        from dayOfYear in Gen.Int[0, 364]
        from minute in Gen.Int[0, 1439]
        from offset in Gen.Int[0, _inputOffsets.Length - 1]
        from data in Gen.Int[0, 5]
        from blockStart in Gen.Int[-5, 25]
        from blockLength in Gen.Int[0, 9]
        from scattered in Gen.Int[-10, 60].Array[0, 8]
        from makeUps in Gen.Int[-5, 40].Array[0, 4]
        let startDate = new DateOnly(year, 1, 1).AddDays(dayOfYear)
        let years = data switch
        {
            0 => OfficialCalendar.Years,
            1 => [],
            _ => RandomYears(startDate, blockStart, blockLength, scattered, makeUps),
        }
        let local = startDate.ToDateTime(TimeOnly.MinValue).AddMinutes(minute)
        select new Scenario(options, years, new DateTimeOffset(local, Vn.Offset).ToOffset(_inputOffsets[offset]));

    /// <summary>A duration the oracle can walk quickly: up to 15 working days or 120 working hours.</summary>
    public static readonly Gen<WorkDuration> Duration =
        Gen.Bool.SelectMany(days => days
            ? Gen.Int[0, 15].Select(WorkDuration.Days)
            : Gen.Int[0, 120].Select(WorkDuration.Hours));

    private static TimeOnly Time(int minuteOfDay) => new(minuteOfDay / 60, minuteOfDay % 60);

    private static IReadOnlyList<CalendarYear> RandomYears(DateOnly start, int blockStart, int blockLength, int[] scattered, int[] makeUps)
    {
        var holidays = Enumerable.Range(blockStart, blockLength)
            .Concat(scattered)
            .Select(start.AddDays)
            .ToHashSet();
        var working = makeUps
            .Select(start.AddDays)
            .Select(d => d.DayOfWeek == DayOfWeek.Sunday ? d : d.AddDays(DayOfWeek.Saturday - d.DayOfWeek))
            .Where(d => !holidays.Contains(d))
            .ToHashSet();

        // Always give both data years an entry (possibly empty) so "year with data" and "without" both occur.
        return
        [
            .. holidays.Select(d => d.Year).Concat(working.Select(d => d.Year)).Concat([2025, 2026]).Distinct().Order()
                .Select(y => new CalendarYear(y, [.. holidays.Where(d => d.Year == y).Order()], [.. working.Where(d => d.Year == y).Order()])),
        ];
    }
}
