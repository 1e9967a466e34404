namespace EGov.Calendar.Tests;

public sealed class CalendarOptionsTests
{
    [Fact]
    public void The_defaults_are_Ho_Chi_Minh_time_and_eight_office_hours()
    {
        var options = new CalendarOptions();
        var calendar = new WorkingCalendar(options, []);

        Assert.Empty(options.Validate());
        Assert.Equal("Asia/Ho_Chi_Minh", options.TimeZoneId);
        Assert.Equal(TimeSpan.FromHours(8), calendar.WorkingDayLength);
        Assert.Equal(new TimeOnly(15, 0), options.SameDayCutoff);
        Assert.False(options.CountSaturday);
        Assert.Equal(TimeSpan.FromHours(7), calendar.TimeZone.GetUtcOffset(new DateTime(2026, 6, 1)));
    }

    [Fact]
    public void Overlapping_office_intervals_are_rejected()
    {
        var options = new CalendarOptions
        {
            OfficeHours = [new(new TimeOnly(7, 30), new TimeOnly(12, 0)), new(new TimeOnly(11, 0), new TimeOnly(17, 0))],
        };

        Assert.Contains(options.Validate(), e => e.Contains("overlap", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(options, []));
    }

    [Fact]
    public void An_interval_that_ends_before_it_starts_is_rejected()
    {
        var options = new CalendarOptions { OfficeHours = [new(new TimeOnly(17, 0), new TimeOnly(7, 30))] };

        Assert.Contains(options.Validate(), e => e.Contains("must end after it starts", StringComparison.Ordinal));
    }

    [Fact]
    public void No_office_hours_are_rejected()
    {
        Assert.NotEmpty(new CalendarOptions { OfficeHours = [] }.Validate());
    }

    [Fact]
    public void An_unknown_time_zone_is_rejected()
    {
        Assert.Contains(new CalendarOptions { TimeZoneId = "Mars/Olympus_Mons" }.Validate(), e => e.Contains("not known", StringComparison.Ordinal));
    }

    [Fact]
    public void Unsorted_office_intervals_are_accepted()
    {
        var calendar = new WorkingCalendar(
            new CalendarOptions { OfficeHours = [.. CalendarOptions.DefaultOfficeHours.Reverse()] },
            []);

        Assert.Equal(Vn.At(2026, 3, 4, 10), calendar.Due(Vn.At(2026, 3, 2, 10), WorkDuration.Days(2)));
    }

    [Fact]
    public void A_negative_duration_is_rejected()
    {
        Assert.Throws<CalendarRangeException>(() => WorkDuration.Days(-1));
        Assert.Throws<CalendarRangeException>(() => new WorkDuration(1, (DurationUnit)7));
    }

    [Fact]
    public void With_year_returns_a_new_calendar_and_leaves_the_original_unchanged()
    {
        var original = Vn.Official;
        var extraHoliday = new CalendarYear(2027, [new DateOnly(2027, 1, 1)], []);

        var updated = original.WithYear(extraHoliday);

        Assert.True(original.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.False(updated.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.False(updated.IsWorkingDay(new DateOnly(2026, 2, 17)));
    }
}
