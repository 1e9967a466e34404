namespace EGov.Calendar.Tests;

public sealed class OfficialCalendarTests
{
    [Fact]
    public void The_data_covers_2025_and_2026()
    {
        Assert.Equal([2025, 2026], OfficialCalendar.Years.Select(y => y.Year));
    }

    [Fact]
    public void Every_entry_names_its_source()
    {
        Assert.All(OfficialCalendar.Entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Name));
            Assert.False(string.IsNullOrWhiteSpace(e.Source));
        });
    }

    [Fact]
    public void Make_up_days_fall_on_weekends()
    {
        Assert.All(
            OfficialCalendar.Entries.Where(e => e.Kind == CalendarDayKind.WorkingDay),
            e => Assert.True(e.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, e.Date.ToString()));
    }

    [Fact]
    public void Each_year_keeps_the_number_of_Labour_Code_days_off_plus_swaps()
    {
        // Labour Code 2019 art. 112: 11 days (1 New Year, 5 Tết, 1 Hùng Kings, 30/4, 1/5, 2/9 and an adjacent day).
        // Each swap adds a weekday off and a make-up weekend day, so working days lost stay at 11 per year.
        foreach (var year in OfficialCalendar.Years)
        {
            var weekdaysOff = year.Holidays.Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
            Assert.Equal(11, weekdaysOff - year.WorkingDays.Count);
        }
    }

    [Fact]
    public void The_only_unverified_entry_is_Hung_Kings_day_2025()
    {
        Assert.Equal([new DateOnly(2025, 4, 7)], OfficialCalendar.Entries.Where(e => e.Unverified).Select(e => e.Date));
    }

    [Theory]
    [InlineData("2025-01-01", false)]
    [InlineData("2025-01-27", false)]
    [InlineData("2025-01-31", false)]
    [InlineData("2025-02-03", true)]
    [InlineData("2025-04-26", true)]
    [InlineData("2025-05-02", false)]
    [InlineData("2025-09-01", false)]
    [InlineData("2026-01-02", false)]
    [InlineData("2026-01-10", true)]
    [InlineData("2026-04-27", false)]
    [InlineData("2026-04-28", true)]
    [InlineData("2026-08-22", true)]
    [InlineData("2026-08-31", false)]
    [InlineData("2026-09-03", true)]
    public void Official_days_are_classified_as_published(string date, bool working)
    {
        Assert.Equal(working, Vn.Official.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
