namespace EGov.Calendar.Tests;

public sealed class OfficeTimeTests
{
    private readonly WorkingCalendar _calendar = Vn.Official;

    [Fact]
    public void Office_time_from_Monday_10_00_to_Wednesday_10_00_is_16_hours()
    {
        Assert.Equal(TimeSpan.FromHours(16), _calendar.OfficeTimeBetween(Vn.At(2026, 3, 2, 10), Vn.At(2026, 3, 4, 10)));
    }

    [Fact]
    public void Office_time_is_negative_when_the_range_is_reversed()
    {
        Assert.Equal(TimeSpan.FromHours(-16), _calendar.OfficeTimeBetween(Vn.At(2026, 3, 4, 10), Vn.At(2026, 3, 2, 10)));
    }

    [Fact]
    public void No_office_time_passes_over_Tet()
    {
        Assert.Equal(TimeSpan.Zero, _calendar.OfficeTimeBetween(Vn.At(2026, 2, 13, 17), Vn.At(2026, 2, 23, 7, 30)));
    }

    [Fact]
    public void Next_opening_is_the_instant_itself_inside_office_time()
    {
        Assert.Equal(Vn.At(2026, 3, 2, 10), _calendar.NextOpening(Vn.At(2026, 3, 2, 10)));
        Assert.Equal(Vn.At(2026, 3, 2, 7, 30), _calendar.NextOpening(Vn.At(2026, 3, 2, 7, 30)));
    }

    [Fact]
    public void Next_opening_at_closing_time_is_the_next_morning()
    {
        Assert.Equal(Vn.At(2026, 3, 3, 7, 30), _calendar.NextOpening(Vn.At(2026, 3, 2, 17)));
        Assert.Equal(Vn.At(2026, 3, 2, 13), _calendar.NextOpening(Vn.At(2026, 3, 2, 11, 30)));
    }

    [Fact]
    public void Is_office_time_includes_opening_and_excludes_closing()
    {
        Assert.True(_calendar.IsOfficeTime(Vn.At(2026, 3, 2, 7, 30)));
        Assert.False(_calendar.IsOfficeTime(Vn.At(2026, 3, 2, 11, 30)));
        Assert.False(_calendar.IsOfficeTime(Vn.At(2026, 2, 17, 9)));
    }

    [Fact]
    public void Due_soon_threshold_is_the_given_office_time_before_the_due_instant()
    {
        // Wednesday 10:00 minus 4 h: 2.5 h back to 07:30, then 1.5 h back from Tuesday's close.
        Assert.Equal(Vn.At(2026, 3, 3, 15, 30), _calendar.DueSoonThreshold(Vn.At(2026, 3, 4, 10), WorkDuration.Hours(4)));
        Assert.Equal(Vn.At(2026, 3, 3, 10), _calendar.DueSoonThreshold(Vn.At(2026, 3, 4, 10), WorkDuration.Days(1)));
    }

    [Fact]
    public void Due_soon_threshold_that_fits_exactly_is_the_opening_not_the_previous_close()
    {
        var threshold = _calendar.SubtractOfficeTime(Vn.At(2026, 3, 4, 10), TimeSpan.FromHours(2.5));

        Assert.Equal(Vn.At(2026, 3, 4, 7, 30), threshold);
    }

    [Fact]
    public void Due_soon_threshold_over_Tet_lands_before_the_break()
    {
        Assert.Equal(Vn.At(2026, 2, 13, 16), _calendar.DueSoonThreshold(Vn.At(2026, 2, 23, 8, 30), WorkDuration.Hours(2)));
    }

    [Fact]
    public void Adding_a_negative_office_time_goes_back()
    {
        Assert.Equal(Vn.At(2026, 3, 3, 15, 30), _calendar.AddOfficeTime(Vn.At(2026, 3, 4, 10), TimeSpan.FromHours(-4)));
    }
}
