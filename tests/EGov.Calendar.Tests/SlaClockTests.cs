namespace EGov.Calendar.Tests;

public sealed class SlaClockTests
{
    private readonly WorkingCalendar _calendar = Vn.Official;

    // Monday 2 March 2026 10:00, two working days: due Wednesday 4 March 10:00.
    private static SlaClock TwoDaysFromMonday() => SlaClock.Start(Vn.At(2026, 3, 2, 10), WorkDuration.Days(2));

    [Fact]
    public void A_running_clock_is_due_like_the_calendar_says()
    {
        var clock = TwoDaysFromMonday();

        Assert.False(clock.IsPaused);
        Assert.Equal(Vn.At(2026, 3, 4, 10), clock.DueAt(_calendar));
        Assert.Equal(TimeSpan.FromHours(16), clock.Remaining(_calendar, Vn.At(2026, 3, 2, 10)));
        Assert.Equal(TimeSpan.FromHours(8), clock.Remaining(_calendar, Vn.At(2026, 3, 3, 10)));
    }

    [Fact]
    public void A_pause_stops_the_clock_and_there_is_no_due_instant_while_paused()
    {
        var clock = TwoDaysFromMonday().Pause(Vn.At(2026, 3, 2, 14));

        Assert.True(clock.IsPaused);
        Assert.Null(clock.DueAt(_calendar));
        // 10:00–11:30 and 13:00–14:00 consumed 2.5 h; the rest stays frozen while paused.
        Assert.Equal(TimeSpan.FromHours(13.5), clock.Remaining(_calendar, Vn.At(2026, 3, 2, 14)));
        Assert.Equal(TimeSpan.FromHours(13.5), clock.Remaining(_calendar, Vn.At(2026, 3, 20, 9)));
        Assert.Equal([new SlaPause(Vn.At(2026, 3, 2, 14), null, null)], clock.Pauses);
    }

    [Fact]
    public void On_resume_the_remaining_office_time_runs_on_by_default()
    {
        var clock = TwoDaysFromMonday().Pause(Vn.At(2026, 3, 2, 14)).Resume(Vn.At(2026, 3, 5, 9));

        // 13.5 h left from Thursday 09:00: 2.5 h + 4 h on Thursday, 4 h on Friday morning, 3 h from 13:00.
        Assert.Equal(Vn.At(2026, 3, 6, 16), clock.DueAt(_calendar));
        Assert.Equal(ResumePolicy.ContinueRemaining, clock.Pauses.Single().Policy);
    }

    [Fact]
    public void On_resume_the_full_time_restarts_where_the_procedure_says_so()
    {
        var clock = TwoDaysFromMonday().Pause(Vn.At(2026, 3, 2, 14)).Resume(Vn.At(2026, 3, 5, 9), ResumePolicy.RestartFullTime);

        // 16 h from Thursday 09:00: 6.5 h Thursday, 8 h Friday, 1.5 h on Monday from 07:30.
        Assert.Equal(Vn.At(2026, 3, 9, 9), clock.DueAt(_calendar));
        Assert.Equal(TimeSpan.FromHours(16), clock.Remaining(_calendar, Vn.At(2026, 3, 5, 9)));
    }

    [Fact]
    public void An_extension_adds_working_time_and_records_its_reason()
    {
        var clock = TwoDaysFromMonday().Extend(Vn.At(2026, 3, 3, 9), WorkDuration.Days(1), "Cần xác minh thực địa");

        Assert.Equal(Vn.At(2026, 3, 5, 10), clock.DueAt(_calendar));
        var extension = Assert.Single(clock.Extensions);
        Assert.Equal("Cần xác minh thực địa", extension.Reason);
        Assert.Equal(WorkDuration.Days(1), extension.Extra);
    }

    [Fact]
    public void An_extension_while_paused_applies_after_resume()
    {
        var clock = TwoDaysFromMonday()
            .Pause(Vn.At(2026, 3, 2, 14))
            .Extend(Vn.At(2026, 3, 3, 9), WorkDuration.Hours(4), "Thêm thời gian thẩm định")
            .Resume(Vn.At(2026, 3, 5, 9));

        // 13.5 h + 4 h = 17.5 h from Thursday 09:00: 6.5 h Thursday, 8 h Friday, 3 h on Monday from 07:30.
        Assert.Equal(Vn.At(2026, 3, 9, 10, 30), clock.DueAt(_calendar));
    }

    [Fact]
    public void A_pause_after_the_deadline_keeps_the_missed_deadline()
    {
        var clock = TwoDaysFromMonday().Pause(Vn.At(2026, 3, 5, 9)).Resume(Vn.At(2026, 3, 10, 9));

        Assert.Equal(Vn.At(2026, 3, 4, 10), clock.DueAt(_calendar));
        // Consumed Monday 10:00 to Thursday 09:00: 5.5 h + 8 h + 8 h + 1.5 h = 23 h against a 16 h budget.
        Assert.Equal(TimeSpan.FromHours(-7), clock.Remaining(_calendar, Vn.At(2026, 3, 10, 9)));
    }

    [Fact]
    public void The_due_instant_is_recomputed_from_the_events_when_a_years_calendar_changes()
    {
        var clock = TwoDaysFromMonday();
        var withExtraHoliday = _calendar.WithYear(new CalendarYear(2026, [new DateOnly(2026, 3, 3)], []));

        Assert.Equal(Vn.At(2026, 3, 4, 10), clock.DueAt(_calendar));
        Assert.Equal(Vn.At(2026, 3, 5, 10), clock.DueAt(withExtraHoliday));
    }

    [Fact]
    public void Events_round_trip_through_storage()
    {
        var clock = TwoDaysFromMonday()
            .Pause(Vn.At(2026, 3, 2, 14))
            .Resume(Vn.At(2026, 3, 5, 9), ResumePolicy.RestartFullTime)
            .Extend(Vn.At(2026, 3, 5, 10), WorkDuration.Days(1), "Lý do");

        var restored = SlaClock.FromEvents(clock.Events);

        Assert.Equal(clock.Events, restored.Events);
        Assert.Equal(clock.DueAt(_calendar), restored.DueAt(_calendar));
    }

    [Fact]
    public void An_event_earlier_than_the_last_one_is_rejected()
    {
        Assert.Throws<InvalidOperationException>(() => TwoDaysFromMonday().Pause(Vn.At(2026, 3, 2, 9)));
    }

    [Fact]
    public void Pausing_twice_or_resuming_a_running_clock_is_rejected()
    {
        var paused = TwoDaysFromMonday().Pause(Vn.At(2026, 3, 2, 14));

        Assert.Throws<InvalidOperationException>(() => paused.Pause(Vn.At(2026, 3, 2, 15)));
        Assert.Throws<InvalidOperationException>(() => TwoDaysFromMonday().Resume(Vn.At(2026, 3, 2, 15)));
    }

    [Fact]
    public void An_extension_needs_a_reason()
    {
        Assert.Throws<ArgumentException>(() => TwoDaysFromMonday().Extend(Vn.At(2026, 3, 3, 9), WorkDuration.Days(1), " "));
    }

    [Fact]
    public void A_history_must_start_with_the_receipt()
    {
        Assert.Throws<ArgumentException>(() => SlaClock.FromEvents([new SlaPaused(Vn.At(2026, 3, 2, 9))]));
        Assert.Throws<ArgumentException>(() => SlaClock.FromEvents([]));
    }
}
