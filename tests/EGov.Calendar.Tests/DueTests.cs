namespace EGov.Calendar.Tests;

public sealed class DueTests
{
    private readonly WorkingCalendar _calendar = Vn.Official;

    [Fact]
    public void Two_working_days_from_Monday_10_00_are_due_Wednesday_10_00()
    {
        var due = _calendar.Due(Vn.At(2026, 3, 2, 10), WorkDuration.Days(2));

        Assert.Equal(Vn.At(2026, 3, 4, 10), due);
    }

    [Fact]
    public void One_working_day_from_Friday_16_00_is_due_Monday_16_00()
    {
        var due = _calendar.Due(Vn.At(2026, 3, 6, 16), WorkDuration.Days(1));

        Assert.Equal(Vn.At(2026, 3, 9, 16), due);
    }

    [Fact]
    public void A_duration_that_runs_out_at_closing_time_is_due_at_17_00_not_at_the_next_opening()
    {
        Assert.Equal(Vn.At(2026, 3, 2, 17), _calendar.Due(Vn.At(2026, 3, 2, 7, 30), WorkDuration.Days(1)));
        Assert.Equal(Vn.At(2026, 3, 2, 17), _calendar.Due(Vn.At(2026, 3, 2, 13), WorkDuration.Hours(4)));
        Assert.Equal(Vn.At(2026, 3, 6, 17), _calendar.Due(Vn.At(2026, 3, 2, 7, 30), WorkDuration.Days(5)));
    }

    [Fact]
    public void A_duration_that_runs_out_at_the_lunch_break_is_due_at_11_30()
    {
        Assert.Equal(Vn.At(2026, 3, 2, 11, 30), _calendar.Due(Vn.At(2026, 3, 2, 7, 30), WorkDuration.Hours(4)));
    }

    [Fact]
    public void Working_hours_skip_the_lunch_break()
    {
        var due = _calendar.Due(Vn.At(2026, 3, 2, 10), WorkDuration.Hours(3));

        Assert.Equal(Vn.At(2026, 3, 2, 14, 30), due);
    }

    [Fact]
    public void A_receipt_during_lunch_starts_the_clock_at_13_00()
    {
        var due = _calendar.Due(Vn.At(2026, 3, 2, 12), WorkDuration.Hours(1));

        Assert.Equal(Vn.At(2026, 3, 2, 14), due);
    }

    [Fact]
    public void A_receipt_on_Saturday_starts_the_clock_on_Monday_at_07_30()
    {
        var saturday = Vn.At(2026, 3, 7, 10);

        Assert.Equal(Vn.At(2026, 3, 9, 7, 30), _calendar.NextOpening(saturday));
        Assert.Equal(Vn.At(2026, 3, 9, 8, 30), _calendar.Due(saturday, WorkDuration.Hours(1)));
        Assert.Equal(Vn.At(2026, 3, 9, 17), _calendar.Due(saturday, WorkDuration.Days(1)));
    }

    [Fact]
    public void A_receipt_after_closing_starts_the_clock_at_the_next_opening()
    {
        Assert.Equal(Vn.At(2026, 3, 3, 8, 30), _calendar.Due(Vn.At(2026, 3, 2, 17), WorkDuration.Hours(1)));
        Assert.Equal(Vn.At(2026, 3, 3, 8, 30), _calendar.Due(Vn.At(2026, 3, 2, 20), WorkDuration.Hours(1)));
        Assert.Equal(Vn.At(2026, 3, 2, 8, 30), _calendar.Due(Vn.At(2026, 3, 2, 6), WorkDuration.Hours(1)));
    }

    [Fact]
    public void Tet_2026_is_closed_from_Saturday_14_to_Sunday_22_February()
    {
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 2, 13)));
        for (var day = new DateOnly(2026, 2, 14); day <= new DateOnly(2026, 2, 22); day = day.AddDays(1))
        {
            Assert.False(_calendar.IsWorkingDay(day), $"{day} should be a Tết day off");
        }

        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 2, 23)));
    }

    [Fact]
    public void One_working_day_from_the_Friday_before_Tet_2026_is_due_the_Monday_after()
    {
        var due = _calendar.Due(Vn.At(2026, 2, 13, 10), WorkDuration.Days(1));

        Assert.Equal(Vn.At(2026, 2, 23, 10), due);
    }

    [Fact]
    public void A_make_up_Saturday_counts_as_a_working_day()
    {
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 1, 10)));
        Assert.Equal(Vn.At(2026, 1, 10, 10), _calendar.Due(Vn.At(2026, 1, 9, 10), WorkDuration.Days(1)));
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2025, 4, 26)));
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2026, 8, 22)));
    }

    [Fact]
    public void The_2025_Reunification_Day_break_runs_from_30_April_to_4_May()
    {
        var due = _calendar.Due(Vn.At(2025, 4, 29, 10), WorkDuration.Days(1));

        Assert.Equal(Vn.At(2025, 5, 5, 10), due);
    }

    [Fact]
    public void The_2026_National_Day_break_runs_from_29_August_to_2_September()
    {
        var due = _calendar.Due(Vn.At(2026, 8, 28, 10), WorkDuration.Days(1));

        Assert.Equal(Vn.At(2026, 9, 3, 10), due);
    }

    [Fact]
    public void The_Saturday_setting_makes_Saturday_office_hours_count()
    {
        var calendar = WorkingCalendar.Vietnam(new CalendarOptions { CountSaturday = true });

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 3, 7)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 8)));
        Assert.Equal(Vn.At(2026, 3, 7, 16), calendar.Due(Vn.At(2026, 3, 6, 16), WorkDuration.Days(1)));
    }

    [Fact]
    public void A_holiday_on_a_Saturday_stays_closed_with_the_Saturday_setting()
    {
        var calendar = new WorkingCalendar(
            new CalendarOptions { CountSaturday = true },
            [new CalendarYear(2026, [new DateOnly(2026, 3, 7)], [])]);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 7)));
        Assert.Equal(Vn.At(2026, 3, 9, 16), calendar.Due(Vn.At(2026, 3, 6, 16), WorkDuration.Days(1)));
    }

    [Fact]
    public void A_year_without_data_behaves_as_plain_Monday_to_Friday()
    {
        Assert.True(_calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.False(_calendar.IsWorkingDay(new DateOnly(2027, 1, 2)));
        Assert.Equal(Vn.At(2027, 1, 4, 10), _calendar.Due(Vn.At(2026, 12, 31, 10), WorkDuration.Days(2)));
    }

    [Fact]
    public void A_zero_duration_is_due_at_the_start()
    {
        Assert.Equal(Vn.At(2026, 3, 7, 10), _calendar.Due(Vn.At(2026, 3, 7, 10), WorkDuration.Days(0)));
    }

    [Fact]
    public void Sixty_working_days_use_the_same_rule()
    {
        // 60 days from Monday 2 March 2026 would be Monday 25 May; Hùng Kings (27/4) and 30/4–1/5 push it 3 days.
        var due = _calendar.Due(Vn.At(2026, 3, 2, 10), WorkDuration.Days(60));

        Assert.Equal(Vn.At(2026, 5, 28, 10), due);
        Assert.Equal(TimeSpan.FromHours(480), _calendar.OfficeTimeBetween(Vn.At(2026, 3, 2, 10), due));
    }

    [Fact]
    public void Results_are_in_the_deployment_offset_whatever_the_input_offset()
    {
        var utcStart = Vn.At(2026, 3, 2, 10).ToUniversalTime();

        var due = _calendar.Due(utcStart, WorkDuration.Days(2));

        Assert.Equal(TimeSpan.FromHours(7), due.Offset);
        Assert.Equal(new DateTime(2026, 3, 4, 10, 0, 0), due.DateTime);
    }

    [Fact]
    public void Custom_office_hours_define_the_length_of_a_working_day()
    {
        var calendar = new WorkingCalendar(
            new CalendarOptions { OfficeHours = [new(new TimeOnly(8, 0), new TimeOnly(12, 0)), new(new TimeOnly(13, 30), new TimeOnly(16, 30))] },
            []);

        Assert.Equal(TimeSpan.FromHours(7), calendar.WorkingDayLength);
        Assert.Equal(Vn.At(2026, 3, 3, 10), calendar.Due(Vn.At(2026, 3, 2, 10), WorkDuration.Days(1)));
    }
}
