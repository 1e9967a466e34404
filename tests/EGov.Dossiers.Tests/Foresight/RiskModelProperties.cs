using CsCheck;
using EGov.Calendar.Tests.Oracle;
using EGov.Dossiers.Foresight;
using Microsoft.Extensions.Options;
using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;

namespace EGov.Dossiers.Tests.Foresight;

/// <summary>
/// The four rules of docs/foresight.md, "The model", on dossiers driven by the real decider over the real calendar,
/// with random step histories: monotone in elapsed working time, overdue is certain, a paused clock does not raise
/// risk, and a calendar change keeps the estimate and lays the predicted finish out on the new calendar as the
/// minute oracle does.
/// </summary>
public sealed class RiskModelProperties
{
    // Probabilities are ratios of counts with different denominators: equal values may differ in the last bit.
    private const double Ulp = 1e-12;

    [Fact]
    public void Risk_never_decreases_as_working_time_passes_on_a_running_clock()
    {
        Gen.Select(RiskWorld.Histories, RiskWorld.Progress, RiskWorld.Gaps).Sample((h, progress, gaps) =>
        {
            var history = h.Build();
            var story = RiskWorld.Running(progress.Done, progress.Hours);
            var model = new RiskModel();
            var now = story.Now;
            var before = 0.0;
            foreach (var gap in gaps)
            {
                now = now.AddMinutes(gap);
                var p = RiskWorld.Estimate(model, story.State, history, now).Probability;
                Assert.InRange(p, before - Ulp, 1);
                before = p;
            }
        }, iter: RiskWorld.Iterations);
    }

    [Fact]
    public void A_dossier_past_its_appointment_has_risk_one_and_says_so_first()
    {
        Gen.Select(RiskWorld.Histories, RiskWorld.Progress, Gen.Int[0, 20 * 1440]).Sample((h, progress, late) =>
        {
            var story = RiskWorld.Running(progress.Done, progress.Hours);
            var now = story.State.DueAt!.Value.AddMinutes(late);
            var forecast = RiskWorld.Estimate(new RiskModel(), story.State, h.Build(), now);
            Assert.Equal(1, forecast.Probability);
            Assert.Equal("overdue", forecast.Reasons[0].Code);
        }, iter: RiskWorld.Iterations);
    }

    [Fact]
    public void A_paused_clock_keeps_the_risk_it_had_when_it_stopped()
    {
        Gen.Select(RiskWorld.Histories, RiskWorld.Progress, Gen.Int[0, 5 * 1440], RiskWorld.Gaps).Sample((h, progress, wait, gaps) =>
        {
            var history = h.Build();
            var model = new RiskModel();
            var story = RiskWorld.Running(progress.Done, progress.Hours);
            var pausedAt = story.Now.AddMinutes(wait);
            var stepDue = story.State.StepDueAt!.Value;
            var running = RiskWorld.Estimate(model, story.State, history, pausedAt).Probability;
            var step = story.State.CurrentStep!;
            story.Do(A.RequestSupplement, P.Leader(step.Unit), pausedAt);

            var now = pausedAt;
            var first = RiskWorld.Estimate(model, story.State, history, now);
            Assert.Contains(first.Reasons, r => r.Code == "paused");

            // While the step is within its own allowance the pause records exactly what was left: the same risk.
            // Past it, the decider records no negative time left, so the step counts as having used its allowance.
            if (pausedAt <= stepDue || story.State.RemainingWhenStopped == TimeSpan.Zero)
            {
                Assert.Equal(running, first.Probability, Ulp);
            }

            foreach (var gap in gaps)
            {
                now = now.AddMinutes(gap);
                Assert.Equal(first.Probability, RiskWorld.Estimate(model, story.State, history, now).Probability);
            }
        }, iter: RiskWorld.Iterations);
    }

    [Fact]
    public void A_calendar_change_keeps_the_risk_and_moves_the_predicted_finish_with_the_calendar()
    {
        var estimator = (IStepHistory history, WorkingCalendar calendar) =>
            new RiskEstimator(history, new CalendarDeadlines(new CalendarProvider(calendar)), Options.Create(new ForesightOptions()));
        Gen.Select(RiskWorld.Histories, RiskWorld.Progress, Gen.Int[0, 10 * 1440], Gen.Int[1, 60].Array[1, 12]).Sample((h, progress, wait, closed) =>
        {
            var history = h.Build();
            var story = RiskWorld.Running(progress.Done, progress.Hours);
            var now = story.Now.AddMinutes(wait);
            var before = estimator(history, Vn.Calendar).Estimate(story.State, now)!;

            // Days closed from tomorrow on: the province declares new holidays; what is past stays as it was.
            var today = Vn.Deadlines.LocalDate(now);
            var year = Vn.Calendar.Years[2026];
            var changed = Vn.Calendar.WithYear(year with
            {
                Holidays = [.. year.Holidays.Union(closed.Select(d => today.AddDays(d)).Where(d => d.Year == 2026)).Order()],
            });
            var (old, current) = (Vn.Deadlines, new CalendarDeadlines(new CalendarProvider(changed)));
            DateTimeOffset? Relaid(DateTimeOffset? due) => due is { } d && d > now ? current.AddOfficeTime(now, old.OfficeTimeBetween(now, d)) : due;
            var state = DossierEvolution.Apply(story.State,
                new DeadlinesRecomputed(2026, Relaid(story.State.DueAt), Relaid(story.State.StepDueAt), new EventMeta("admin", Roles.Admin, null, "Lịch thay đổi", now)),
                story.State.Version + 1);

            var after = estimator(history, changed).Estimate(state, now)!;
            Assert.Equal(before.Probability, after.Probability);
            Assert.Equal(before.ExpectedRemaining, after.ExpectedRemaining);
            var oracle = new MinuteOracle(changed.Options, changed.Years.Values);
            var minutes = after.ExpectedRemaining.TotalMinutes;
            Assert.InRange(after.PredictedFinishAt, oracle.Due(now, (int)Math.Floor(minutes)), oracle.Due(now, (int)Math.Ceiling(minutes)));
        }, iter: 500);
    }
}
