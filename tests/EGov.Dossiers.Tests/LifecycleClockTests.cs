using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;
using U = EGov.Dossiers.Tests.Support.Plans;

namespace EGov.Dossiers.Tests;

/// <summary>
/// The processing clock's rules by example, through the decider and the fold: a two-working-day procedure taken in
/// at the desk on Monday 2 March 2026 10:00 (due Wednesday 4 March 10:00), the specialist of its one step asking
/// for a supplement, the applicant supplementing, a leader extending. Office hours 07:30–11:30 and 13:00–17:00.
/// </summary>
public sealed class LifecycleClockTests
{
    private static DossierPlan TwoDays(bool restart = false) =>
        new("TP-LLTP-01", "Cấp phiếu lý lịch tư pháp", U.Justice, [U.Check], 0m, new SlaPlan(2, DurationUnit.WorkingDays, false, restart));

    private static Story TwoDaysFromMonday(bool restart = false) => Story.Submit(TwoDays(restart), Channel.Desk, Vn.At(2026, 3, 2, 10));

    private static Story Pause(Story story, DateTimeOffset at) => story.Do(A.RequestSupplement, P.Specialist(U.Justice), at);

    private static Story Resume(Story story, DateTimeOffset at) => story.Do(A.Supplement, P.Citizen, at);

    [Fact]
    public void A_running_clock_is_due_like_the_calendar_says_and_a_pause_keeps_the_office_time_left()
    {
        var story = TwoDaysFromMonday();

        Assert.False(story.State.ClockStopped);
        Assert.Equal(Vn.At(2026, 3, 4, 10), story.State.DueAt);
        Assert.Equal(TimeSpan.FromHours(16), Pause(TwoDaysFromMonday(), Vn.At(2026, 3, 2, 10)).State.RemainingWhenStopped);
        Assert.Equal(TimeSpan.FromHours(8), Pause(TwoDaysFromMonday(), Vn.At(2026, 3, 3, 10)).State.RemainingWhenStopped);
    }

    [Fact]
    public void A_pause_stops_the_clock_and_there_is_no_due_instant_while_paused()
    {
        var story = Pause(TwoDaysFromMonday(), Vn.At(2026, 3, 2, 14));

        Assert.True(story.State.ClockStopped);
        Assert.Null(story.State.DueAt);
        // 10:00–11:30 and 13:00–14:00 consumed 2.5 h; the rest stays frozen while paused.
        Assert.Equal(TimeSpan.FromHours(13.5), story.State.RemainingWhenStopped);
        Assert.Equal(new TimelineEntry(DossierStatus.SupplementRequested, Vn.At(2026, 3, 2, 14)), story.State.Timeline[^1]);
    }

    [Fact]
    public void On_resume_the_remaining_office_time_runs_on_by_default()
    {
        var story = Resume(Pause(TwoDaysFromMonday(), Vn.At(2026, 3, 2, 14)), Vn.At(2026, 3, 5, 9));

        // 13.5 h left from Thursday 09:00: 2.5 h + 4 h on Thursday, 4 h on Friday morning, 3 h from 13:00.
        Assert.Equal(Vn.At(2026, 3, 6, 16), story.State.DueAt);
        Assert.False(story.State.ClockStopped);
        Assert.Null(story.State.RemainingWhenStopped);
    }

    [Fact]
    public void On_resume_the_full_time_restarts_where_the_procedure_says_so()
    {
        var story = Resume(Pause(TwoDaysFromMonday(restart: true), Vn.At(2026, 3, 2, 14)), Vn.At(2026, 3, 5, 9));

        // 16 h from Thursday 09:00: 6.5 h Thursday, 8 h Friday, 1.5 h on Monday from 07:30.
        Assert.Equal(Vn.At(2026, 3, 9, 9), story.State.DueAt);
        Assert.Equal(TimeSpan.FromHours(16), Pause(story, Vn.At(2026, 3, 5, 9)).State.RemainingWhenStopped);
    }

    [Fact]
    public void An_extension_adds_working_days_and_records_its_reason()
    {
        var story = TwoDaysFromMonday().Do(Commands.Valid(A.Extend, P.Leader(U.Justice)) with { WorkingDays = 1, Reason = "Cần xác minh thực địa" }, Vn.At(2026, 3, 3, 9));

        Assert.Equal(Vn.At(2026, 3, 5, 10), story.State.DueAt);
        var extension = Assert.IsType<DeadlineExtended>(Assert.Single(story.Last));
        Assert.Equal("Cần xác minh thực địa", extension.Meta.Reason);
        Assert.Equal(1, extension.WorkingDays);
    }

    [Fact]
    public void An_extension_waits_for_the_running_clock_and_then_counts_from_the_resumed_due()
    {
        var story = Pause(TwoDaysFromMonday(), Vn.At(2026, 3, 2, 14));
        var extend = Commands.Valid(A.Extend, P.Leader(U.Justice)) with { WorkingDays = 1 };

        // While paused there is no due instant to move: the lifecycle refuses, unlike a budget that grows in the pause.
        var (events, error) = story.Try(extend, Vn.At(2026, 3, 3, 9));
        Assert.Null(events);
        Assert.Equal(ErrorKind.NotAllowed, error?.Kind);

        // Resumed Thursday 09:00 with 13.5 h: due Friday 16:00; one working day more is Monday 9 March 16:00.
        Resume(story, Vn.At(2026, 3, 5, 9)).Do(extend, Vn.At(2026, 3, 5, 10));
        Assert.Equal(Vn.At(2026, 3, 9, 16), story.State.DueAt);
    }

    [Fact]
    public void A_pause_after_the_deadline_keeps_nothing_so_the_dossier_is_due_at_once_on_resume()
    {
        var story = Pause(TwoDaysFromMonday(), Vn.At(2026, 3, 5, 9));

        Assert.Equal(TimeSpan.Zero, story.State.RemainingWhenStopped);
        Resume(story, Vn.At(2026, 3, 10, 9));
        Assert.Equal(Vn.At(2026, 3, 10, 9), story.State.DueAt);
    }

    [Fact]
    public void The_due_instant_follows_the_calendar_the_decision_is_taken_over()
    {
        var withExtraHoliday = Vn.Calendar.WithYear(new CalendarYear(2026, [new DateOnly(2026, 3, 3)], []));
        var deadlines = new CalendarDeadlines(new CalendarProvider(withExtraHoliday));

        var events = DossierDecider.Submit(Story.SubmitCommand(Channel.Desk), TwoDays(), Story.Code, Vn.At(2026, 3, 2, 10), deadlines);

        Assert.Equal(Vn.At(2026, 3, 4, 10), TwoDaysFromMonday().State.DueAt);
        Assert.Equal(Vn.At(2026, 3, 5, 10), Fold.Apply(null, events).DueAt);
    }

    [Fact]
    public void The_clock_is_rebuilt_from_the_stored_events()
    {
        var story = Resume(Pause(TwoDaysFromMonday(restart: true), Vn.At(2026, 3, 2, 14)), Vn.At(2026, 3, 5, 9))
            .Do(Commands.Valid(A.Extend, P.Leader(U.Justice)) with { WorkingDays = 1 }, Vn.At(2026, 3, 5, 10));

        var restored = Fold.Apply(null, story.Events);

        Assert.Equal(Fold.Snapshot(story.State), Fold.Snapshot(restored));
        Assert.Equal(Vn.At(2026, 3, 10, 9), restored.DueAt);
    }

    [Fact]
    public void Pausing_twice_or_resuming_a_running_clock_is_refused()
    {
        var paused = Pause(TwoDaysFromMonday(), Vn.At(2026, 3, 2, 14));

        Assert.Equal(ErrorKind.NotAllowed, paused.Try(Commands.Valid(A.RequestSupplement, P.Specialist(U.Justice)), Vn.At(2026, 3, 2, 15)).Error?.Kind);
        Assert.Equal(ErrorKind.NotAllowed, TwoDaysFromMonday().Try(Commands.Valid(A.Supplement, P.Citizen), Vn.At(2026, 3, 2, 15)).Error?.Kind);
    }

    [Fact]
    public void An_extension_needs_a_reason()
    {
        var (events, error) = TwoDaysFromMonday().Try(Commands.Valid(A.Extend, P.Leader(U.Justice)) with { Reason = " " }, Vn.At(2026, 3, 3, 9));

        Assert.Null(events);
        Assert.Equal((ErrorKind.Invalid, "reason"), (error?.Kind, error?.Field));
    }
}
