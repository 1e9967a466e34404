namespace EGov.Calendar.Tests;

public sealed class SameDayDueTests
{
    private readonly WorkingCalendar _calendar = Vn.Official;

    [Fact]
    public void Received_before_15_00_on_a_working_day_is_due_at_that_days_close()
    {
        Assert.Equal(Vn.At(2026, 3, 2, 17), _calendar.SameDayDue(Vn.At(2026, 3, 2, 14, 59)));
    }

    [Fact]
    public void Received_before_opening_on_a_working_day_is_due_at_that_days_close()
    {
        Assert.Equal(Vn.At(2026, 3, 2, 17), _calendar.SameDayDue(Vn.At(2026, 3, 2, 6)));
    }

    [Fact]
    public void Received_at_15_00_or_later_is_due_at_the_next_working_days_close()
    {
        Assert.Equal(Vn.At(2026, 3, 3, 17), _calendar.SameDayDue(Vn.At(2026, 3, 2, 15)));
        Assert.Equal(Vn.At(2026, 3, 9, 17), _calendar.SameDayDue(Vn.At(2026, 3, 6, 16)));
    }

    [Fact]
    public void Received_on_a_holiday_is_due_at_the_next_working_days_close()
    {
        Assert.Equal(Vn.At(2026, 2, 23, 17), _calendar.SameDayDue(Vn.At(2026, 2, 17, 9)));
        Assert.Equal(Vn.At(2026, 3, 9, 17), _calendar.SameDayDue(Vn.At(2026, 3, 7, 9)));
    }

    [Fact]
    public void The_cutoff_is_configurable()
    {
        var calendar = WorkingCalendar.Vietnam(new CalendarOptions { SameDayCutoff = new TimeOnly(16, 0) });

        Assert.Equal(Vn.At(2026, 3, 2, 17), calendar.SameDayDue(Vn.At(2026, 3, 2, 15, 30)));
        Assert.Equal(Vn.At(2026, 3, 3, 17), calendar.SameDayDue(Vn.At(2026, 3, 2, 16)));
    }

    [Fact]
    public void Received_on_a_make_up_Saturday_before_15_00_is_due_that_Saturday()
    {
        Assert.Equal(Vn.At(2026, 1, 10, 17), _calendar.SameDayDue(Vn.At(2026, 1, 10, 9)));
    }
}
