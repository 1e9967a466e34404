namespace EGov.Calendar.Tests;

public sealed class CalendarYearValidationTests
{
    [Fact]
    public void The_shipped_years_are_valid()
    {
        Assert.All(OfficialCalendar.Years, year => Assert.Empty(year.Validate()));
    }

    [Fact]
    public void A_date_from_another_year_is_rejected()
    {
        var year = new CalendarYear(2026, [new DateOnly(2025, 12, 31)], [new DateOnly(2027, 1, 2)]);

        var errors = year.Validate();

        Assert.Contains(errors, e => e.Contains("2025-12-31", StringComparison.Ordinal) && e.Contains("not in year 2026", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("2027-01-02", StringComparison.Ordinal) && e.Contains("not in year 2026", StringComparison.Ordinal));
    }

    [Fact]
    public void A_list_that_removes_every_working_day_is_rejected()
    {
        var everyWeekday = Enumerable.Range(0, 365)
            .Select(i => new DateOnly(2026, 1, 1).AddDays(i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .ToArray();

        var errors = new CalendarYear(2026, everyWeekday, []).Validate();

        Assert.Contains(errors, e => e.Contains("no working day", StringComparison.Ordinal));
    }

    [Fact]
    public void A_year_whose_only_working_day_is_a_make_up_day_is_accepted()
    {
        var everyWeekday = Enumerable.Range(0, 365)
            .Select(i => new DateOnly(2026, 1, 1).AddDays(i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .ToArray();

        Assert.Empty(new CalendarYear(2026, everyWeekday, [new DateOnly(2026, 1, 10)]).Validate());
    }

    [Fact]
    public void A_duplicate_entry_is_rejected()
    {
        var year = new CalendarYear(2026, [new DateOnly(2026, 9, 2), new DateOnly(2026, 9, 2)], []);

        Assert.Contains(year.Validate(), e => e.Contains("2026-09-02", StringComparison.Ordinal) && e.Contains("more than once", StringComparison.Ordinal));
    }

    [Fact]
    public void A_date_that_is_both_a_holiday_and_a_working_day_is_rejected()
    {
        var year = new CalendarYear(2026, [new DateOnly(2026, 1, 10)], [new DateOnly(2026, 1, 10)]);

        Assert.Contains(year.Validate(), e => e.Contains("both a holiday and a working day", StringComparison.Ordinal));
    }

    [Fact]
    public void A_make_up_day_on_a_weekday_is_rejected()
    {
        var year = new CalendarYear(2026, [], [new DateOnly(2026, 1, 9)]);

        Assert.Contains(year.Validate(), e => e.Contains("only a Saturday or Sunday", StringComparison.Ordinal));
    }

    [Fact]
    public void A_holiday_on_a_weekend_is_accepted_and_harmless()
    {
        var year = new CalendarYear(2026, [new DateOnly(2026, 3, 8)], []);
        var calendar = new WorkingCalendar(new CalendarOptions(), [year]);

        Assert.Empty(year.Validate());
        Assert.Equal(Vn.At(2026, 3, 9, 16), calendar.Due(Vn.At(2026, 3, 6, 16), WorkDuration.Days(1)));
    }

    [Fact]
    public void Missing_lists_are_rejected_rather_than_thrown()
    {
        var year = new CalendarYear(2026, null!, null!);

        Assert.NotEmpty(year.Validate());
    }

    [Fact]
    public void The_calendar_refuses_an_invalid_year_with_the_validation_messages()
    {
        var invalid = new CalendarYear(2026, [new DateOnly(2025, 1, 1)], []);

        var error = Assert.Throws<ArgumentException>(() => Vn.Official.WithYear(invalid));

        Assert.Contains("not in year 2026", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calendar_refuses_the_same_year_twice()
    {
        var year = new CalendarYear(2026, [], []);

        Assert.Throws<ArgumentException>(() => new WorkingCalendar(new CalendarOptions(), [year, year]));
    }
}
