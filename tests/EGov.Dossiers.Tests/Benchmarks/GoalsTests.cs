using EGov.Benchmarks;

namespace EGov.Dossiers.Tests.Benchmarks;

/// <summary>The goals table of issue 16: direction of each goal, the ratio to the floor, and what is not measured.</summary>
public sealed class GoalsTests
{
    private static readonly GoalInputs Reached = new(
        IntakePerSecond: 1600, IntakeP99Ms: 25, IntakeFloorPerSecond: 5000, HostCpuMsPerIntake: 0.5,
        LookupPerSecond: 12_000, LookupP99Ms: 4, LookupFloorPerSecond: 44_000, CompleteStepPerSecond: 1200,
        ReadySeconds: 2.5, FirstRequestsOver100Ms: 0);

    [Fact]
    public void Every_goal_is_met_when_every_figure_reaches_it()
    {
        var goals = Goals.Judge(Reached);
        Assert.Equal(10, goals.Count);
        Assert.All(goals, g => Assert.Equal("met", g.Verdict));
        Assert.Equal(0.32, goals.Single(g => g.Name == "Desk intake / floor").Measured, 3);
    }

    [Fact]
    public void Figures_of_issue_16_fail_the_goals_they_miss()
    {
        var goals = Goals.Judge(Reached with { IntakePerSecond = 289, IntakeP99Ms = 58, IntakeFloorPerSecond = 5406, LookupPerSecond = 4467 });
        string Verdict(string name) => goals.Single(g => g.Name == name).Verdict;
        Assert.Equal("not met", Verdict("Desk intake throughput"));
        Assert.Equal("not met", Verdict("Desk intake p99"));
        Assert.Equal("not met", Verdict("Desk intake / floor")); // 0.05x
        Assert.Equal("not met", Verdict("Public lookup throughput"));
        Assert.Equal("not met", Verdict("Public lookup / floor")); // 0.10x
        Assert.Equal("met", Verdict("Host CPU per intake"));
    }

    [Fact]
    public void A_goal_exactly_at_its_target_is_met_in_both_directions()
    {
        var goals = Goals.Judge(Reached with { IntakePerSecond = 1500, IntakeP99Ms = 30, ReadySeconds = 3 });
        Assert.True(goals.Single(g => g.Name == "Desk intake throughput").Met);
        Assert.True(goals.Single(g => g.Name == "Desk intake p99").Met);
        Assert.True(goals.Single(g => g.Name == "Host ready after start").Met);
        Assert.False(Goals.Judge(Reached with { FirstRequestsOver100Ms = 1 }).Single(g => g.Name == "First requests over 100 ms").Met);
    }

    [Fact]
    public void What_was_not_measured_is_neither_met_nor_failed()
    {
        var goals = Goals.Judge(Reached with { IntakeFloorPerSecond = double.NaN, ReadySeconds = double.NaN, LookupFloorPerSecond = 0 });
        Assert.Equal("not measured", goals.Single(g => g.Name == "Desk intake / floor").Verdict);
        Assert.Equal("not measured", goals.Single(g => g.Name == "Host ready after start").Verdict);
        Assert.Equal("not measured", goals.Single(g => g.Name == "Public lookup / floor").Verdict);
        Assert.False(goals.Single(g => g.Name == "Host ready after start").Met);
        Assert.Equal("n/a", goals.Single(g => g.Name == "Host ready after start").MeasuredText);
    }
}
