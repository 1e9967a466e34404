using System.Globalization;
using EGov.Dossiers.Events;

namespace EGov.Dossiers.Foresight;

/// <summary>What the model computed about one dossier, for the reasons to quote.</summary>
/// <param name="Longer">How many of the current step's samples took longer than the time it has used.</param>
/// <param name="Overrun">How many of those also took longer than its allowance.</param>
internal sealed record RiskFacts(
    RiskInput Input,
    double Probability,
    TimeSpan Expected,
    Distribution Ahead,
    StepDurations? CurrentHistory,
    int Longer,
    int Overrun,
    IReadOnlyList<StepInput> ColdAhead,
    int MinSamples,
    double Pace = 1);

/// <summary>
/// The reasons, in Vietnamese and English, most telling first (by weight). Working days in the texts are office time
/// divided by the calendar's working day.
/// </summary>
internal static class RiskReasons
{
    public const string Overdue = "overdue";
    public const string Paused = "paused";
    public const string StepOverrun = "step-overrun";
    public const string StepsAhead = "steps-ahead";
    public const string LittleTimeLeft = "little-time-left";
    public const string NoHistory = "no-history";

    public static IReadOnlyList<RiskReason> For(RiskFacts f)
    {
        var input = f.Input;
        var day = input.WorkingDay;
        var reasons = new List<RiskReason>(4);
        if (input.Remaining <= TimeSpan.Zero)
        {
            var late = Days(-input.Remaining, day);
            reasons.Add(new RiskReason(Overdue, null, $"Đã quá hẹn trả kết quả {Vi(late)} ngày làm việc",
                $"Past the appointment by {En(late)} working days", 1));
        }

        if (input.Paused)
        {
            var left = Days(input.Remaining, day);
            reasons.Add(new RiskReason(Paused, null, $"Đồng hồ đang dừng chờ bổ sung hồ sơ; còn {Vi(left)} ngày làm việc đến hẹn",
                $"The clock is stopped for a supplement; {En(left)} working days are left to the appointment", 0.05));
        }

        if (input.Current is { } step)
        {
            reasons.Add(Overrun(f, step, day));
            if (f.CurrentHistory is null)
            {
                reasons.Add(NoHistoryFor(step, f.MinSamples));
            }
        }

        if (input.Ahead.Count > 0)
        {
            var median = Days(TimeSpan.FromSeconds(f.Pace * f.Ahead.Median), day);
            var left = Days(input.Remaining < TimeSpan.Zero ? TimeSpan.Zero : input.Remaining, day);
            var names = string.Join(", ", input.Ahead.Select(a => $"'{a.Name}'"));
            var weight = input.Remaining <= TimeSpan.Zero ? 1 : f.Ahead.Survival(input.Remaining.TotalSeconds / f.Pace);
            reasons.Add(new RiskReason(StepsAhead, input.Ahead[0].Id,
                $"Còn {input.Ahead.Count} bước sau ({names}): thường mất {Vi(median)} ngày làm việc; còn {Vi(left)} ngày đến hẹn",
                $"{input.Ahead.Count} {(input.Ahead.Count == 1 ? "step ahead" : "steps ahead")} ({names}) usually {(input.Ahead.Count == 1 ? "takes" : "take")} {En(median)} working days; {En(left)} are left to the appointment",
                weight));
        }

        if (input.Remaining > TimeSpan.Zero && f.Expected > input.Remaining)
        {
            double left = Days(input.Remaining, day), need = Days(f.Expected, day);
            reasons.Add(new RiskReason(LittleTimeLeft, null,
                $"Chỉ còn {Vi(left)} ngày làm việc đến hẹn; dự kiến cần khoảng {Vi(need)} ngày",
                $"Only {En(left)} working days are left to the appointment; about {En(need)} are expected to be needed", f.Probability));
        }

        foreach (var cold in f.ColdAhead)
        {
            reasons.Add(NoHistoryFor(cold, f.MinSamples));
        }

        // Stable: among equal weights the order above (overdue, the clock, the step, the steps ahead) stays.
        return [.. reasons.OrderByDescending(r => r.Weight)];
    }

    private static RiskReason Overrun(RiskFacts f, StepInput step, TimeSpan day)
    {
        double used = Days(f.Input.Spent, day), allowed = Days(step.Allowance, day);
        // How likely the step ends after its allowance, judging by the samples that took at least as long so far.
        var weight = f.Longer == 0 || f.Input.Spent >= step.Allowance ? 1 : (double)f.Overrun / f.Longer;
        if (f.CurrentHistory is not { } history)
        {
            return new RiskReason(StepOverrun, step.Id, $"Bước '{step.Name}' đã dùng {Vi(used)}/{Vi(allowed)} ngày làm việc",
                $"Step '{step.Name}' has used {En(used)} of its {En(allowed)} working days", weight);
        }

        var share = Math.Round(100 * history.ShareLongerThan(step.Allowance));
        var shareText = share.ToString("0", CultureInfo.InvariantCulture);
        return new RiskReason(StepOverrun, step.Id,
            $"Bước '{step.Name}' đã dùng {Vi(used)}/{Vi(allowed)} ngày làm việc; {shareText} % trong {history.Count} hồ sơ gần nhất bước này kéo dài hơn {Vi(allowed)} ngày",
            $"Step '{step.Name}' has used {En(used)} of its {En(allowed)} working days; it took more than {En(allowed)} days in {shareText} % of the last {history.Count} dossiers",
            weight);
    }

    private static RiskReason NoHistoryFor(StepInput step, int minSamples) => new(NoHistory, step.Id,
        $"Chưa đủ lịch sử cho bước '{step.Name}' (dưới {minSamples} hồ sơ): dùng thời hạn quy định",
        $"Too little history for step '{step.Name}' (fewer than {minSamples} dossiers): its declared allowance is used", 0);

    private static double Days(TimeSpan officeTime, TimeSpan day) => day > TimeSpan.Zero ? officeTime / day : 0;

    private static string En(double days) => days.ToString("0.#", CultureInfo.InvariantCulture);

    // Vietnamese writes the decimal comma: 2,5 ngày.
    private static string Vi(double days) => En(days).Replace('.', ',');
}
