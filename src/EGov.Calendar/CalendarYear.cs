namespace EGov.Calendar;

/// <summary>
/// The public-holiday data of one year: days off (including swapped and compensatory days) and
/// make-up working days (a Saturday or Sunday declared a working day).
/// </summary>
/// <param name="Year">The calendar year the lists belong to.</param>
/// <param name="Holidays">Days the office is closed although they would otherwise be working days.
/// A holiday that falls on a day off anyway (e.g. Hùng Kings' day on a Sunday) is allowed and harmless.</param>
/// <param name="WorkingDays">Saturdays or Sundays on which the office works (làm bù).</param>
public sealed record CalendarYear(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> WorkingDays)
{
    /// <summary>
    /// Checks the data; returns one message per problem, empty when valid. Intended for APIs that accept
    /// calendar data from administrators and answer 4xx with these messages.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Year is < 1 or > 9999)
        {
            errors.Add($"Year {Year} is out of range.");
            return errors;
        }

        if (Holidays is null || WorkingDays is null)
        {
            errors.Add("Holidays and WorkingDays lists are required (use empty lists).");
            return errors;
        }

        CheckList(Holidays, "Holiday", errors);
        CheckList(WorkingDays, "Working day", errors);

        foreach (var day in WorkingDays.Distinct())
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                // A make-up day on a weekday changes nothing, so it is almost certainly a typo.
                errors.Add($"Working day {Iso(day)} is a {day.DayOfWeek}; only a Saturday or Sunday can be declared a working day.");
            }
        }

        var holidaySet = Holidays.ToHashSet();
        foreach (var day in WorkingDays.Distinct().Where(holidaySet.Contains))
        {
            errors.Add($"{Iso(day)} cannot be both a holiday and a working day.");
        }

        if (!HasAnyWorkingDay(holidaySet))
        {
            errors.Add($"Year {Year} would have no working day left.");
        }

        return errors;
    }

    private void CheckList(IReadOnlyList<DateOnly> days, string label, List<string> errors)
    {
        foreach (var day in days.Where(d => d.Year != Year).Distinct())
        {
            errors.Add($"{label} {Iso(day)} is not in year {Year}.");
        }

        foreach (var group in days.GroupBy(d => d).Where(g => g.Count() > 1))
        {
            errors.Add($"{label} {Iso(group.Key)} is listed more than once.");
        }
    }

    // Saturdays are not counted here: the year's data must stand on its own whatever a unit's Saturday setting is.
    private bool HasAnyWorkingDay(HashSet<DateOnly> holidays)
    {
        if (WorkingDays.Any(d => d.Year == Year && !holidays.Contains(d)))
        {
            return true;
        }

        for (var day = new DateOnly(Year, 1, 1); day.Year == Year; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day))
            {
                return true;
            }

            if (day == DateOnly.MaxValue)
            {
                break;
            }
        }

        return false;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
