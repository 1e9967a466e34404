namespace EGov.Calendar;

/// <summary>
/// Decides whether a date is a working day. Years with data are precomputed into a bit per day so the
/// hot loops (one lookup per calendar day walked) avoid hashing; years without data fall back to the
/// weekly rule (Monday–Friday, plus Saturday when the unit counts it).
/// </summary>
internal sealed class WorkingDayRule
{
    private readonly Dictionary<int, bool[]> _years;
    private readonly bool _countSaturday;

    public WorkingDayRule(IEnumerable<CalendarYear> years, bool countSaturday)
    {
        _countSaturday = countSaturday;
        _years = years.ToDictionary(y => y.Year, Build);
    }

    public bool IsWorkingDay(DateOnly date) =>
        _years.TryGetValue(date.Year, out var table) ? table[date.DayOfYear - 1] : IsWeeklyWorkingDay(date);

    private bool IsWeeklyWorkingDay(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Sunday => false,
        DayOfWeek.Saturday => _countSaturday,
        _ => true,
    };

    private bool[] Build(CalendarYear year)
    {
        var table = new bool[DateTime.IsLeapYear(year.Year) ? 366 : 365];
        var start = new DateOnly(year.Year, 1, 1);
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = IsWeeklyWorkingDay(start.AddDays(i));
        }

        // Make-up days first, holidays last: a holiday always closes the office.
        foreach (var day in year.WorkingDays)
        {
            table[day.DayOfYear - 1] = true;
        }

        foreach (var day in year.Holidays)
        {
            table[day.DayOfYear - 1] = false;
        }

        return table;
    }
}
