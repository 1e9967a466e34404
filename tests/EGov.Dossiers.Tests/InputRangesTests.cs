namespace EGov.Dossiers.Tests;

/// <summary>
/// The API's window (Kernel) must lie inside what the calendar computes on (Calendar), with room for a due instant
/// ten years after the last accepted start: the two projects cannot reference each other, so this test ties them.
/// </summary>
public sealed class InputRangesTests
{
    [Fact]
    public void The_api_window_lies_inside_the_calendar_range_with_room_for_the_longest_duration()
    {
        Assert.True(CalendarRange.Contains(InputRanges.FirstInstant));
        Assert.True(CalendarRange.Contains(InputRanges.LastInstant.AddYears(20)));
        Assert.Equal(CalendarRange.MaxWorkingDays, InputRanges.MaxWorkingDays);
        Assert.Equal(CalendarRange.MaxWorkingHours, InputRanges.MaxWorkingHours);
        Assert.Equal(InputRanges.FirstYear, InputRanges.FirstInstant.Year);
        Assert.Equal(InputRanges.LastYear, InputRanges.LastInstant.Year);
    }

    [Fact]
    public void The_longest_duration_from_the_last_accepted_start_is_computable()
    {
        var calendar = WorkingCalendar.Vietnam(new CalendarOptions { CountSaturday = false });
        var due = calendar.Due(InputRanges.LastInstant, WorkDuration.Days(InputRanges.MaxWorkingDays));
        Assert.True(CalendarRange.Contains(due));
        Assert.True(CalendarRange.Contains(calendar.Due(InputRanges.LastInstant, WorkDuration.Hours(InputRanges.MaxWorkingHours))));
        Assert.True(calendar.DueSoonThreshold(calendar.Due(InputRanges.FirstInstant, WorkDuration.Days(1)), WorkDuration.Days(1)) >= CalendarRange.MinInstant);
    }

    [Fact]
    public void The_instant_range_text_matches_the_bounds() =>
        Assert.Equal(
            InputRanges.InstantRangeText,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{InputRanges.FirstInstant:yyyy-MM-dd'T'HH:mm:ss'Z'}..{InputRanges.LastInstant:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
}
