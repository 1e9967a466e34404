using CsCheck;
using EGov.Dossiers.Foresight;

namespace EGov.Dossiers.Tests.Foresight;

/// <summary>
/// The model on inputs written by hand: the conditional empirical formula against a brute-force sum over every
/// combination, the cold start on declared allowances, the reasons' texts, and a cache that follows the history.
/// </summary>
public sealed class RiskModelTests
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(8);
    private static readonly StepInput Check = new("check", "Kiểm tra hồ sơ", "STP", 3 * Day);
    private static readonly StepInput Appraise = new("appraise", "Thẩm định", "SXD", 3 * Day);
    private static readonly StepInput Sign = new("sign", "Lãnh đạo ký", "SXD", 2 * Day);

    private static RiskInput Input(double remainingDays, StepInput? current, double spentDays, params StepInput[] ahead) =>
        new(remainingDays * Day, current, spentDays * Day, ahead, 1, false, Day);

    [Fact]
    public void The_probability_is_the_conditional_mean_over_every_combination_of_the_steps()
    {
        // Up to 8 samples per step ahead: 8 × 8 sums stay within the 64 values kept, so nothing is approximated.
        var gen = from current in Gen.Int[1, 40].Array[20, 60]
                  from first in Gen.Int[1, 40].Array[1, 8]
                  from second in Gen.Int[1, 40].Array[1, 8]
                  from spent in Gen.Int[0, 45]
                  from remaining in Gen.Int[-5, 90]
                  select (current, first, second, spent, remaining);
        gen.Sample(c =>
        {
            var history = new InMemoryStepHistory(depth: 100, minSamples: 1);
            Fill(history, Check, c.current);
            Fill(history, Appraise, c.first);
            Fill(history, Sign, c.second);
            var hours = TimeSpan.FromHours(1);
            var input = new RiskInput(c.remaining * hours, Check, c.spent * hours, [Appraise, Sign], 1, false, Day);

            var forecast = new RiskModel().Estimate(input, history, "P", new ForesightModelOptions(MinSamples: 1));

            var longer = c.current.Where(d => d > c.spent).ToArray();
            var sums = c.first.SelectMany(a => c.second.Select(b => a + b)).ToArray();
            double Late(int d) => sums.Count(x => x > c.remaining + c.spent - d) / (double)sums.Length;
            var expected = c.remaining <= 0 ? 1 : longer.Length == 0 ? Late(c.spent) : longer.Average(Late);
            Assert.Equal(expected, forecast.Probability, 1e-12);
            var mean = (longer.Length == 0 ? 0 : longer.Average(d => d - c.spent)) + sums.Average();
            Assert.Equal(mean, forecast.ExpectedRemaining.TotalHours, 1e-6);
        }, iter: 5_000);
    }

    [Fact]
    public void Without_history_the_steps_take_between_half_and_all_of_their_allowance()
    {
        var history = new InMemoryStepHistory();
        var model = new RiskModel();

        // The steps' allowances, 3 + 3 + 2 days: all eight is the longest it can take, four the shortest.
        var enough = model.Estimate(Input(8, Check, 0, Appraise, Sign), history, "P", RiskWorld.Options);
        var tight = model.Estimate(Input(5, Check, 0, Appraise, Sign), history, "P", RiskWorld.Options);
        var hopeless = model.Estimate(Input(3.9, Check, 0, Appraise, Sign), history, "P", RiskWorld.Options);

        Assert.Equal(0, enough.Probability);
        Assert.InRange(tight.Probability, 0.5, 1);
        Assert.Equal(1, hopeless.Probability);
        Assert.False(enough.FromHistory);
        Assert.Equal(6, enough.ExpectedRemaining / Day, 1e-9);
        Assert.Equal(["check", "appraise", "sign"], enough.Reasons.Where(r => r.Code == "no-history").Select(r => r.StepId));
    }

    [Fact]
    public void A_step_past_every_sample_is_taken_to_finish_now()
    {
        var history = new InMemoryStepHistory(minSamples: 1);
        Fill(history, Check, [8, 16]);
        Fill(history, Appraise, [8]);

        // 20 hours used, longer than both samples: what is left is the appraisal's 8 hours, against 7 left.
        var forecast = new RiskModel().Estimate(new RiskInput(TimeSpan.FromHours(7), Check, TimeSpan.FromHours(20), [Appraise], 1, false, Day),
            history, "P", new ForesightModelOptions(MinSamples: 1));

        Assert.Equal(1, forecast.Probability);
        Assert.Equal(TimeSpan.FromHours(8), forecast.ExpectedRemaining);
    }

    [Fact]
    public void The_step_overrun_reason_quotes_the_time_used_and_the_share_of_recent_dossiers_that_took_longer()
    {
        var history = new InMemoryStepHistory();
        Fill(history, Appraise, [.. Enumerable.Repeat(20, 300), .. Enumerable.Repeat(28, 200)]);

        var forecast = new RiskModel().Estimate(Input(4, Appraise, 2.5, Sign), history, "P", RiskWorld.Options);

        var reason = Assert.Single(forecast.Reasons, r => r.Code == "step-overrun");
        Assert.Equal("appraise", reason.StepId);
        Assert.Equal("Bước 'Thẩm định' đã dùng 2,5/3 ngày làm việc; 40 % trong 500 hồ sơ gần nhất bước này kéo dài hơn 3 ngày", reason.Vi);
        Assert.Equal("Step 'Thẩm định' has used 2.5 of its 3 working days; it took more than 3 days in 40 % of the last 500 dossiers", reason.En);
        Assert.True(forecast.FromHistory);
    }

    [Fact]
    public void Reasons_come_most_telling_first()
    {
        var history = new InMemoryStepHistory();
        Fill(history, Appraise, [.. Enumerable.Repeat(20, 300), .. Enumerable.Repeat(28, 200)]);
        Fill(history, Sign, [.. Enumerable.Repeat(16, 100)]);

        var forecast = new RiskModel().Estimate(Input(1.5, Appraise, 2.5, Sign), history, "P", RiskWorld.Options);

        // Sign alone takes its 2 days every time, and only 1.5 are left.
        Assert.Equal(1, forecast.Probability);
        Assert.Equal(["step-overrun", "steps-ahead", "little-time-left"], forecast.Reasons.Select(r => r.Code));
        Assert.Equal("1 step ahead ('Lãnh đạo ký') usually takes 2 working days; 1.5 are left to the appointment", forecast.Reasons[1].En);
        Assert.Equal("Chỉ còn 1,5 ngày làm việc đến hẹn; dự kiến cần khoảng 3 ngày", forecast.Reasons[2].Vi);
        Assert.DoesNotContain(forecast.Reasons, r => r.Vi.Length == 0 || r.En.Length == 0);
    }

    [Fact]
    public void A_new_sample_reaches_the_next_estimate_through_the_cache()
    {
        var history = new InMemoryStepHistory(minSamples: 1);
        Fill(history, Check, [4]);
        Fill(history, Appraise, [8]);
        var model = new RiskModel();
        var input = new RiskInput(TimeSpan.FromHours(20), Check, TimeSpan.Zero, [Appraise], 1, false, Day);
        var options = new ForesightModelOptions(MinSamples: 1);
        Assert.Equal(0, model.Estimate(input, history, "P", options).Probability);

        Fill(history, Appraise, [40]);

        Assert.Equal(0.5, model.Estimate(input, history, "P", options).Probability);
        Assert.Equal(new RiskModel().Estimate(input, history, "P", options), model.Estimate(input, history, "P", options), ForecastEquality.Instance);
    }

    [Fact]
    public void A_dossier_slow_on_its_completed_steps_is_expected_slow_on_the_steps_ahead()
    {
        var history = new InMemoryStepHistory(minSamples: 1);
        Fill(history, Check, [8]);
        Fill(history, Appraise, [8]);
        Fill(history, Sign, [8, 16]);

        // The check took 32 hours against 8 in its history: √4 = 2, held to 1.8, scales the signing ahead.
        var input = new RiskInput(TimeSpan.FromHours(30), Appraise, TimeSpan.Zero, [Sign], 2, false, Day, [Check], TimeSpan.FromHours(32));
        var plain = new RiskModel().Estimate(input, history, "P", new ForesightModelOptions(MinSamples: 1, PaceWeight: 0));
        var paced = new RiskModel().Estimate(input, history, "P", new ForesightModelOptions(MinSamples: 1));

        Assert.Equal(0, plain.Probability);
        Assert.Equal(20, plain.ExpectedRemaining.TotalHours, 1e-6);
        Assert.Equal(0.5, paced.Probability);
        Assert.Equal(8 + (1.8 * 12), paced.ExpectedRemaining.TotalHours, 1e-6);
    }

    private static void Fill(InMemoryStepHistory history, StepInput step, IEnumerable<int> hours)
    {
        var at = DateTimeOffset.UnixEpoch;
        foreach (var h in hours)
        {
            history.Add("P", step.Id, step.Unit, at = at.AddMinutes(1), TimeSpan.FromHours(h));
        }
    }

    private sealed class ForecastEquality : IEqualityComparer<RiskForecast>
    {
        public static readonly ForecastEquality Instance = new();

        public bool Equals(RiskForecast? x, RiskForecast? y) =>
            x is not null && y is not null && x.Probability == y.Probability && x.ExpectedRemaining == y.ExpectedRemaining
            && x.FromHistory == y.FromHistory && x.Reasons.SequenceEqual(y.Reasons);

        public int GetHashCode(RiskForecast obj) => obj.Probability.GetHashCode();
    }
}
