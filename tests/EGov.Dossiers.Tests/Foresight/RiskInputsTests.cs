using EGov.Dossiers.Foresight;

namespace EGov.Dossiers.Tests.Foresight;

/// <summary>
/// <see cref="RiskInputs.From"/> on states folded from the decider's events (<see cref="Scenarios"/>): the office
/// time left, the current step's allowance and use, the steps ahead and the paused clock, on the real calendar.
/// </summary>
public sealed class RiskInputsTests
{
    private static readonly IDeadlines D = Vn.Deadlines;
    private static readonly TimeSpan Day = Vn.Calendar.WorkingDayLength;

    [Theory]
    [InlineData(Scenarios.Submitted)]
    [InlineData(Scenarios.IntakeSupplement)]
    [InlineData(Scenarios.ResultReady)]
    [InlineData(Scenarios.Delivered)]
    [InlineData(Scenarios.Refused)]
    [InlineData(Scenarios.Rejected)]
    [InlineData(Scenarios.Withdrawn)]
    [InlineData(Scenarios.Stopped)]
    public void A_dossier_without_a_running_deadline_has_no_input(string scenario)
    {
        var story = Scenarios.Build(scenario);

        Assert.Null(RiskInputs.From(story.State, D, story.Now.AddHours(2)));
    }

    [Fact]
    public void A_received_dossier_has_used_part_of_its_first_step_and_has_two_steps_ahead()
    {
        var story = Scenarios.Build(Scenarios.Received);
        var now = story.Now.AddDays(1).AddHours(4);

        var input = RiskInputs.From(story.State, D, now)!;

        Assert.Equal(D.OfficeTimeBetween(now, story.State.DueAt!.Value), input.Remaining);
        Assert.Equal(new StepInput("check", "Kiểm tra hồ sơ", Plans.Justice, 3 * Day), input.Current);
        Assert.Equal(3 * Day - D.OfficeTimeBetween(now, story.State.StepDueAt!.Value), input.Spent);
        Assert.Equal(D.OfficeTimeBetween(story.State.ReceivedAt!.Value, now), input.Spent);
        Assert.Equal([new StepInput("appraise", "Thẩm định", Plans.Construction, 4 * Day), new StepInput("sign", "Lãnh đạo ký", Plans.Construction, 2 * Day)], input.Ahead);
        Assert.Equal(1, input.AheadFrom);
        Assert.False(input.Paused);
        Assert.Equal(TimeSpan.FromHours(8), input.WorkingDay);
    }

    [Fact]
    public void A_step_past_its_own_due_instant_counts_the_office_time_since_as_used()
    {
        var story = Scenarios.Build(Scenarios.AtAppraise);
        var stepDue = story.State.StepDueAt!.Value;
        var now = stepDue.AddDays(1);

        var input = RiskInputs.From(story.State, D, now)!;

        Assert.Equal(4 * Day + D.OfficeTimeBetween(stepDue, now), input.Spent);
        Assert.Equal("appraise", input.Current!.Id);
        Assert.Equal(["sign"], input.Ahead.Select(a => a.Id));
    }

    [Fact]
    public void Past_the_appointment_the_time_left_is_negative()
    {
        var story = Scenarios.Build(Scenarios.AtSign);
        var due = story.State.DueAt!.Value;
        var now = due.AddDays(3);

        var input = RiskInputs.From(story.State, D, now)!;

        Assert.Equal(-D.OfficeTimeBetween(due, now), input.Remaining);
        Assert.True(input.Remaining < TimeSpan.Zero);
        Assert.Empty(input.Ahead);
    }

    [Fact]
    public void A_paused_clock_gives_the_times_recorded_at_the_pause_whenever_it_is_read()
    {
        var story = Scenarios.Build(Scenarios.ProcessingSupplement);
        var state = story.State;

        var soon = RiskInputs.From(state, D, story.Now.AddHours(1))!;
        var later = RiskInputs.From(state, D, story.Now.AddDays(30))!;

        Assert.True(soon.Paused);
        Assert.Equal(state.RemainingWhenStopped, soon.Remaining);
        Assert.Equal(4 * Day - state.StepRemainingWhenStopped!.Value, soon.Spent);
        Assert.Equal(soon.Remaining, later.Remaining);
        Assert.Equal(soon.Spent, later.Spent);
    }

    [Theory]
    [InlineData(Scenarios.AwaitingFee)]
    [InlineData(Scenarios.Approved)]
    public void After_approval_only_the_result_is_left_no_step(string scenario)
    {
        var story = Scenarios.Build(scenario);

        var input = RiskInputs.From(story.State, D, story.Now.AddHours(1))!;

        Assert.Null(input.Current);
        Assert.Empty(input.Ahead);
        Assert.Equal(TimeSpan.Zero, input.Spent);
        Assert.Equal(0, new RiskModel().Estimate(input, new InMemoryStepHistory(), "P", RiskWorld.Options).Probability);
    }
}
