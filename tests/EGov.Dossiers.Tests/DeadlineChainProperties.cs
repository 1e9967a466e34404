using CsCheck;
using EGov.Dossiers.Tests.Oracle;
using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;

namespace EGov.Dossiers.Tests;

/// <summary>
/// The one-alarm-per-deadline planner (<see cref="DeadlineAlarms.Plan"/>) against the four-alarm planner it replaced
/// (<see cref="FourAlarmPlanner"/>), over random histories — desk intake at any minute, steps completed, extensions,
/// supplement pauses and resumes, calendar recomputes — with the scheduled alarms delivered in time order: the same
/// warnings raised, each once, with fewer alarms written and none written twice; the same when the hosts are down
/// for days and deliver late; and the same for a dossier whose alarms the old planner wrote before an upgrade.
/// </summary>
public sealed class DeadlineChainProperties
{
    private const int Iterations = 3_000;

    /// <summary>Minutes since the previous action; what to do (0 complete a step, 1 extend, 2 pause or resume, 3 recompute); a shift in minutes.</summary>
    public sealed record Act(int GapMinutes, int Kind, int Shift);

    public sealed record History(int Plan, int StartMinutes, Act[] Acts, int OutageStart, int OutageMinutes, int Upgrade);

    private static readonly Gen<Act> _act =
        Gen.Select(Gen.Int[0, 3 * 1440], Gen.Int[0, 3], Gen.Int[-600, 600], (gap, kind, shift) => new Act(gap, kind, shift));

    private static readonly Gen<History> _history =
        from plan in Gen.Int[0, Plans.Variants.Count - 1]
        from start in Gen.Int[0, 14 * 1440]
        from acts in _act.Array[0, 8]
        from outageStart in Gen.Int[0, 20 * 1440]
        from outage in Gen.Int[1, 5 * 1440]
        from upgrade in Gen.Int[0, 9]
        select new History(plan, start, acts, outageStart, outage, upgrade);

    private static IReadOnlyList<DeadlineAlarm> Chain(DossierState? before, DossierState after, DateTimeOffset now, DeadlineAlarm? fired) =>
        DeadlineAlarms.Plan(before, after, now, Vn.Deadlines, fired);

    private static IReadOnlyList<DeadlineAlarm> Four(DossierState? before, DossierState after, DateTimeOffset now, DeadlineAlarm? fired) =>
        FourAlarmPlanner.Plan(before, after, now, Vn.Deadlines);

    [Fact]
    public void Alarms_fired_on_time_raise_what_the_four_alarm_planner_raised_each_once_with_one_alarm_per_deadline()
    {
        _history.Sample(
            h =>
            {
                var chain = Run(h, Chain, outage: false);
                var four = Run(h, Four, outage: false);
                Assert.True(four.Raised.SequenceEqual(chain.Raised), $"old:\n{four}\nnew:\n{chain}");
                Assert.Equal(chain.Raised.Count, chain.Raised.Distinct().Count());
                Assert.True(chain.MostPerCommit <= 2, "a commit scheduled more than one alarm per deadline");
                Assert.True(chain.Scheduled <= four.Scheduled, $"{chain.Scheduled} alarms scheduled, the old planner needed {four.Scheduled}:\n{chain}");
                AssertNoMoreDuplicates(four, chain);
            },
            iter: Iterations);
    }

    [Fact]
    public void Alarms_delivered_late_after_an_outage_raise_the_same_warnings_each_once()
    {
        // Actions go on while no alarm is delivered (another node serves them): steps change under a late alarm.
        _history.Sample(
            h =>
            {
                var chain = Run(h, Chain, outage: true);
                var four = Run(h, Four, outage: true);
                Assert.True(four.Raised.Order(StringComparer.Ordinal).SequenceEqual(chain.Raised.Order(StringComparer.Ordinal)), $"old:\n{four}\nnew:\n{chain}");
                Assert.Equal(chain.Raised.Count, chain.Raised.Distinct().Count());
                AssertNoMoreDuplicates(four, chain);
            },
            iter: Iterations);
    }

    [Fact]
    public void A_dossier_whose_alarms_the_old_planner_wrote_keeps_its_warnings_after_the_upgrade_and_gets_none_twice()
    {
        // The old planner runs until action h.Upgrade (or to the end of the actions), then the new one, on the same
        // stored alarms; with and without an outage.
        _history.Sample(
            h =>
            {
                foreach (var outage in new[] { false, true })
                {
                    var upgraded = Run(h, Four, outage, upgradeAt: h.Upgrade);
                    var four = Run(h, Four, outage);
                    Assert.True(four.Raised.Order(StringComparer.Ordinal).SequenceEqual(upgraded.Raised.Order(StringComparer.Ordinal)), $"old:\n{four}\nupgraded:\n{upgraded}");
                    Assert.Equal(upgraded.Raised.Count, upgraded.Raised.Distinct().Count());
                    AssertNoMoreDuplicates(four, upgraded);
                }
            },
            iter: Iterations);
    }

    // The one case where an alarm still pending is scheduled again, by either planner: the clock resumes after a pause
    // that took no office time, so the deadline is set again at the very instant it had. The new planner schedules
    // the first of its warnings again; the old one scheduled both.
    private static void AssertNoMoreDuplicates(AlarmScheduler four, AlarmScheduler chain) =>
        Assert.True(chain.Duplicates <= four.Duplicates, $"{chain.Duplicates} scheduled twice, the old planner {four.Duplicates}:\nold:\n{four}\nnew:\n{chain}");

    private static AlarmScheduler Run(
        History h, Func<DossierState?, DossierState, DateTimeOffset, DeadlineAlarm?, IReadOnlyList<DeadlineAlarm>> planner,
        bool outage, int? upgradeAt = null)
    {
        var start = Story.Monday.AddMinutes(h.StartMinutes);
        var sim = new AlarmScheduler(Vn.Deadlines, planner)
        {
            Outage = outage ? (start.AddMinutes(h.OutageStart), start.AddMinutes(h.OutageStart + h.OutageMinutes)) : null,
        };
        var plan = Plans.Variants[h.Plan];
        sim.Commit(DossierDecider.Submit(Story.SubmitCommand(Channel.Desk), plan, Story.Code, start, Vn.Deadlines), start);
        var at = start;
        for (var i = 0; i < h.Acts.Length; i++)
        {
            if (upgradeAt == i)
            {
                sim.Planner = Chain;
            }

            var act = h.Acts[i];
            at = at.AddMinutes(act.GapMinutes);
            sim.RunUntil(at);
            if (Decide(sim.State, act, at) is { Count: > 0 } events)
            {
                sim.Commit(events, at);
            }
        }

        if (upgradeAt >= h.Acts.Length)
        {
            sim.Planner = Chain;
        }

        sim.RunUntil(at.AddDays(120));
        return sim;
    }

    private static IReadOnlyList<IDossierEvent>? Decide(DossierState state, Act act, DateTimeOffset at)
    {
        if (act.Kind == 3)
        {
            // A calendar change re-lays the future deadlines (DossierGrain.RecomputeDeadlines decides the instants).
            if (!state.ClockRunning)
            {
                return null;
            }

            DateTimeOffset? Shift(DateTimeOffset? due) => due is { } d && d > at ? d.AddMinutes(act.Shift) : due;
            var meta = new EventMeta("admin", Roles.Admin, null, "Lịch thay đổi / calendar changed", at);
            return [new DeadlinesRecomputed(at.Year, Shift(state.DueAt), Shift(state.StepDueAt), meta)];
        }

        var step = state.CurrentStep;
        ActionInput command = state.ClockStopped ? Commands.Valid(A.Supplement, P.Citizen)
            : act.Kind == 0 && step is not null ? Commands.Valid(A.CompleteStep, P.Get(P.Officer(step.Role, step.Unit)))
            : act.Kind == 1 ? Commands.Valid(A.Extend, P.Leader(Plans.Justice)) with { WorkingDays = 1 + Math.Abs(act.Shift) % 3 }
            : Commands.Valid(A.RequestSupplement, P.Specialist(step?.Unit ?? Plans.Justice));
        var (events, error) = DossierDecider.Decide(state, command, at, Vn.Deadlines);
        return error is null ? events : null;
    }
}
