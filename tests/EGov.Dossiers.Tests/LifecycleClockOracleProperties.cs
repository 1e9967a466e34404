using CsCheck;
using EGov.Calendar.Tests.Oracle;
using EGov.Dossiers.Tests.Oracle;
using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;

namespace EGov.Dossiers.Tests;

/// <summary>
/// The processing clock the platform runs — receipt, supplement pause and resume, restart, extension, through
/// <see cref="DossierDecider"/> and <see cref="DossierEvolution"/> over <see cref="CalendarDeadlines"/> — against the
/// minute-by-minute replay (<see cref="LifecycleClockOracle"/>), on random calendars (office hours, Saturdays,
/// holidays, make-up days, time zones of the input), 10,000 random histories per property.
/// </summary>
public sealed class LifecycleClockOracleProperties
{
    /// <summary>Minutes since the previous action; what to do when the clock runs (0 or 2: stop it, 1: extend); days to extend by.</summary>
    public sealed record ClockStep(int GapMinutes, int Kind, int ExtraDays);

    private static readonly Gen<ClockStep> _step =
        Gen.Select(Gen.Int[0, 4 * 1440], Gen.Int[0, 2], Gen.Int[1, 3], (gap, kind, extra) => new ClockStep(gap, kind, extra));

    // Processing time up to 10 working days or 60 working hours, one in five same-day; restart or resume on supplement.
    private static readonly Gen<SlaPlan> _sla =
        from sameDay in Gen.Int[0, 4]
        from days in Gen.Bool
        from value in days ? Gen.Int[0, 10] : Gen.Int[0, 60]
        from restart in Gen.Bool
        select new SlaPlan(value, days ? DurationUnit.WorkingDays : DurationUnit.WorkingHours, sameDay == 0, restart);

    private static readonly Gen<(Scenario Scenario, SlaPlan Sla, ClockStep[] Steps)> _history =
        from scenario in Gens.Scenario
        from sla in _sla
        from steps in _step.Array[0, 5]
        select (scenario, sla, steps);

    [Fact]
    public void Due_instant_matches_the_minute_replay()
    {
        // The replay walks minutes up to the due instant: checked once per history, as the old clock's property did;
        // the due instants along the way are what the remaining time at each pause is measured against.
        _history.Sample(
            h =>
            {
                var (state, oracle) = Walk(h.Scenario, h.Sla, h.Steps, (s, o) => Assert.Equal(o.RemainingMinutes is null, s.DueAt is not null));
                Assert.Equal(oracle.DueAt, state.DueAt);
            },
            iter: Gens.Iterations);
    }

    [Fact]
    public void Remaining_time_kept_at_a_pause_matches_the_minute_replay()
    {
        _history.Sample(
            h => Walk(h.Scenario, h.Sla, h.Steps, (state, oracle) =>
            {
                Assert.Equal(oracle.RemainingMinutes is not null, state.ClockStopped);
                Assert.Equal(oracle.RemainingMinutes is { } left ? TimeSpan.FromMinutes(left) : null, state.RemainingWhenStopped);
            }),
            iter: Gens.Iterations);
    }

    /// <summary>
    /// Takes a desk intake at the scenario's start, then each step: while stopped the applicant supplements; while
    /// running a leader extends (kind 1) or the step's specialist asks for a supplement (so pauses are as common as in
    /// real dossiers). Every decision must succeed; <paramref name="check"/> runs after receipt and after every action.
    /// </summary>
    private static (DossierState State, LifecycleClockOracle Oracle) Walk(Scenario scenario, SlaPlan sla, ClockStep[] steps, Action<DossierState, LifecycleClockOracle> check)
    {
        var deadlines = new CalendarDeadlines(new CalendarProvider(scenario.Engine));
        var plan = new DossierPlan("TP-LLTP-01", "Cấp phiếu lý lịch tư pháp", Plans.Justice, [Plans.Check], 0m, sla);
        var oracle = new LifecycleClockOracle(scenario.Oracle, sla);
        var at = scenario.Start;
        var state = Fold.Apply(null, DossierDecider.Submit(Story.SubmitCommand(Channel.Desk), plan, Story.Code, at, deadlines));
        oracle.Receive(at);
        check(state, oracle);

        foreach (var step in steps)
        {
            at = at.AddMinutes(step.GapMinutes);
            ActionInput command;
            if (state.ClockStopped)
            {
                command = Commands.Valid(A.Supplement, P.Citizen);
                oracle.Supplement(at);
            }
            else if (step.Kind == 1)
            {
                command = Commands.Valid(A.Extend, P.Leader(Plans.Justice)) with { WorkingDays = step.ExtraDays };
                oracle.Extend(step.ExtraDays);
            }
            else
            {
                command = Commands.Valid(A.RequestSupplement, P.Specialist(Plans.Justice));
                oracle.RequestSupplement(at);
            }

            var (events, error) = DossierDecider.Decide(state, command, at, deadlines);
            Assert.True(error is null, $"{command.Action} in {state.Status} was refused: {error}");
            Fold.Apply(state, events!);
            check(state, oracle);
        }

        return (state, oracle);
    }
}
