using CsCheck;
using EGov.Calendar.Tests.Oracle;

namespace EGov.Calendar.Tests;

/// <summary>The SLA clock against the minute-by-minute replay, 10,000 random histories.</summary>
public sealed class SlaClockOracleProperties
{
    private static readonly Gen<(int GapMinutes, int Kind, bool Restart, WorkDuration Extra)> _step =
        Gen.Select(Gen.Int[0, 4 * 1440], Gen.Int[0, 2], Gen.Bool, Gen.Int[0, 3].Select(WorkDuration.Days));

    private static readonly Gen<(Scenario Scenario, SlaClock Clock, DateTimeOffset AsOf)> _history =
        from scenario in Gens.Scenario
        from duration in Gen.Bool.SelectMany(days => days ? Gen.Int[0, 10].Select(WorkDuration.Days) : Gen.Int[0, 60].Select(WorkDuration.Hours))
        from steps in _step.Array[0, 5]
        from asOfMinutes in Gen.Int[-1440, 25 * 1440]
        select (scenario, Build(scenario, duration, steps), scenario.Minutes(asOfMinutes));

    [Fact]
    public void Due_instant_matches_the_minute_replay()
    {
        _history.Sample(
            h => Assert.Equal(new SlaOracle(h.Scenario.Oracle).DueAt(h.Clock.Events), h.Clock.DueAt(h.Scenario.Engine)),
            iter: Gens.Iterations);
    }

    [Fact]
    public void Remaining_time_matches_the_minute_replay()
    {
        _history.Sample(
            h => Assert.Equal(
                TimeSpan.FromMinutes(new SlaOracle(h.Scenario.Oracle).RemainingMinutes(h.Clock.Events, h.AsOf)),
                h.Clock.Remaining(h.Scenario.Engine, h.AsOf)),
            iter: Gens.Iterations);
    }

    // Kind 0 toggles pause/resume, 1 extends, 2 toggles too (so pauses are as common as in real dossiers).
    private static SlaClock Build(Scenario scenario, WorkDuration duration, (int GapMinutes, int Kind, bool Restart, WorkDuration Extra)[] steps)
    {
        var clock = SlaClock.Start(scenario.Start, duration);
        var at = scenario.Start;
        foreach (var step in steps)
        {
            at = at.AddMinutes(step.GapMinutes);
            clock = step.Kind switch
            {
                1 => clock.Extend(at, step.Extra, "gia hạn"),
                _ when clock.IsPaused => clock.Resume(at, step.Restart ? ResumePolicy.RestartFullTime : ResumePolicy.ContinueRemaining),
                _ => clock.Pause(at),
            };
        }

        return clock;
    }
}
