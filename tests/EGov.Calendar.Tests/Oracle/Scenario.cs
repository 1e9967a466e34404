using System.Globalization;

namespace EGov.Calendar.Tests.Oracle;

/// <summary>A random calendar set-up and a start instant, with the engine and the oracle built from the same data.</summary>
internal sealed record Scenario(CalendarOptions Options, IReadOnlyList<CalendarYear> Years, DateTimeOffset Start)
{
    private WorkingCalendar? _engine;
    private MinuteOracle? _oracle;

    public WorkingCalendar Engine => _engine ??= new WorkingCalendar(Options, Years);

    public MinuteOracle Oracle => _oracle ??= new MinuteOracle(Options, Years);

    public DateTimeOffset Minutes(long minutes) => Start.AddMinutes(minutes);

    // CsCheck prints the failing input with ToString; make it say everything needed to rebuild the case.
    public override string ToString() =>
        $"Start={Start:O} Hours=[{string.Join(", ", Options.OfficeHours)}] Saturday={Options.CountSaturday} " +
        $"Cutoff={Options.SameDayCutoff:HH\\:mm} " +
        string.Join(" ", Years.Select(y =>
            $"{y.Year}: off=[{string.Join(",", y.Holidays.Select(Iso))}] work=[{string.Join(",", y.WorkingDays.Select(Iso))}]"));

    private static string Iso(DateOnly d) => d.ToString("MM-dd", CultureInfo.InvariantCulture);
}
