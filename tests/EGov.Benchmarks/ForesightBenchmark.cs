using System.Diagnostics;
using System.Globalization;
using System.Text;
using EGov.Calendar;
using EGov.Catalog;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Lifecycle;
using EGov.Modules.Agriculture;
using EGov.Modules.Construction;
using EGov.Modules.Finance;
using EGov.Modules.Justice;
using EGov.Modules.Police;
using EGov.Modules.SocialInsurance;
using EGov.Modules.Sdk;

namespace EGov.Benchmarks;

/// <summary>
/// The <c>foresight</c> command (issue 19): generates two years of dossiers (<see cref="ForesightWorld"/>), replays
/// them in time order with an <see cref="InMemoryStepHistory"/> fed only with the steps ended before the replay
/// instant, estimates every open dossier at each of its changes and every two office hours (as the sweep would), and
/// at each dossier's "one working day before due" instant decides whether it was flagged in time. Prints recall,
/// precision and the working days ahead of the first flag per threshold, against the clock-only due-soon warning.
/// </summary>
public static class ForesightBenchmark
{
    public const string Usage =
        "  foresight [--per-day <n>=40] [--days <n>=700] [--seed <n>=20261202] [--tick-hours <n>=2] [--warmup-days <n>=60]\n"
        + "            [--depth <n>=500] [--min-samples <n>=20] [--refresh-minutes <n>=5] [--pace <w>=0.5] [--oracle <0|1>=1]\n"
        + "            [--thresholds <list>=0.3,0.4,0.5,0.6,0.7,0.8] [--margins <list>=0.1,0.2,0.3] [--out <file.md>]";

    public static int Run(IReadOnlyList<string> args, string command)
    {
        int perDay = 40, days = 700, seed = 20261202, tickHours = 2, warmup = 60;
        string? outFile = null;
        var withOracle = true;
        double[] thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8], margins = [0.1, 0.2, 0.3];
        var settings = new ForesightOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i++])
            {
                case "--per-day": perDay = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--days": days = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--tick-hours": tickHours = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warmup-days": warmup = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--depth": settings.HistoryDepth = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--min-samples": settings.MinSamples = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--refresh-minutes": settings.HistoryRefresh = TimeSpan.FromMinutes(int.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--pace": Replay.PaceWeight = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--oracle": withOracle = value != "0"; break;
                case "--thresholds": thresholds = List(value); break;
                case "--margins": margins = List(value); break;
                case "--out": outFile = value; break;
                default: throw new ArgumentException($"Unknown option {args[i - 1]}.\n{Usage}");
            }
        }

        IEGovModule[] modules = [new JusticeModule(), new FinanceModule(), new ConstructionModule(), new AgricultureModule(), new PoliceModule(), new SocialInsuranceModule()];
        var catalog = new ProcedureCatalog(modules.Select(m => new LoadedModule(m, m.Define(), "benchmark")));
        var calendar = WorkingCalendar.Vietnam();
        var deadlines = new CalendarDeadlines(new CalendarProvider(calendar));
        var world = new ForesightWorld(catalog, deadlines, seed);
        var clock = Stopwatch.StartNew();
        var dossiers = Generate(world, deadlines, calendar, perDay, days, seed);
        var generated = clock.Elapsed;
        var firstCounted = dossiers[0].ReceivedAt.AddDays(warmup);
        var policies = Policies(thresholds, margins, withOracle, dossiers.Count);
        var replay = Replay.Run(dossiers, deadlines, TimeSpan.FromHours(tickHours), settings.HistoryRefresh, settings, policies,
            withOracle ? new ForesightOracle(seed + 2) : null);

        var counted = Enumerable.Range(0, dossiers.Count).Where(i => dossiers[i].ReceivedAt >= firstCounted).ToArray();
        var day = calendar.WorkingDayLength;
        var late = counted.Count(i => dossiers[i].Late);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"World: {dossiers.Count:N0} dossiers of {world.Plans.Count} procedures (working-day times, two steps or more) received {dossiers[0].ReceivedAt:yyyy-MM-dd} to {dossiers[^1].ReceivedAt:yyyy-MM-dd}; slow units: {string.Join(", ", world.SlowUnits)}; generated in {generated.TotalSeconds:N1} s.");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Counted: {counted.Length:N0} dossiers received after a warm-up of {warmup} days; {late:N0} ended late ({100.0 * late / counted.Length:N1} %).");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Replay: {replay.Estimates:N0} estimates{(withOracle ? " (and the oracle's at each)" : "")} ({replay.Cold:N0} on declared allowances only) in {replay.Elapsed.TotalSeconds:N1} s; per estimate, the history changing under it, {Micro(replay.InputTime, replay.Estimates)} µs input (RiskInputs.From) + {Micro(replay.ModelTime, replay.Estimates)} µs model.");
        var steady = replay.Steady;
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Sweep-like (one history snapshot, {steady.Estimates:N0} estimates of the replay's dossiers at one instant, one core): {Micro(steady.Input, steady.Estimates)} µs input + {Micro(steady.Model, steady.Estimates)} µs model = {steady.Estimates / (steady.Input + steady.Model).TotalSeconds:N0} estimates per second.");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Model settings: HistoryDepth {settings.HistoryDepth}, MinSamples {settings.MinSamples}, history reloaded every {settings.HistoryRefresh.TotalMinutes:0} min, K = {settings.Model.StepQuantiles} per step, {settings.Model.SumQuantiles} for the sum, pace weight {Replay.PaceWeight.ToString("0.##", CultureInfo.InvariantCulture)}; estimates every {tickHours} office hours and at every change.");
        report.AppendLine();
        report.AppendLine("| flag | recall | precision | flagged | late flagged in time | false flags | working days ahead (mean, true flags) | median | in time, ever flagged | raised twice or more |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var baseline = counted.Where(i => dossiers[i].EndedAt > dossiers[i].DecideAt).ToArray();
        Row(report, "clock only: due soon (1 working day before)", baseline, counted, dossiers, i => dossiers[i].DecideAt, deadlines, day);
        foreach (var policy in policies)
        {
            Row(report, policy.Name, [.. counted.Where(i => policy.RaisedAt(i) is not null)], counted, dossiers, i => policy.RaisedAt(i)!.Value, deadlines, day,
                (counted.Count(i => !dossiers[i].Late && policy.Episodes(i) > 0), counted.Count(i => policy.Episodes(i) > 1)));
        }

        report.AppendLine();
        report.AppendLine("Goal (issue 19): recall ≥ 0.9 with precision ≥ 0.7, the first flag on average ≥ 2 working days before the due instant.");
        var text = report.ToString();
        Console.WriteLine(text);
        if (outFile is not null)
        {
            File.WriteAllText(outFile, text);
        }

        return 0;
    }

    /// <summary>Sticky and clearable flags per threshold (and held over two estimates), then the oracle's.</summary>
    private static List<ForesightFlagPolicy> Policies(double[] thresholds, double[] margins, bool oracle, int dossiers)
    {
        var policies = new List<ForesightFlagPolicy>();
        foreach (var truth in oracle ? new[] { false, true } : [false])
        {
            foreach (var t in thresholds)
            {
                policies.Add(new ForesightFlagPolicy(t, null, 1, truth, dossiers));
                policies.AddRange(margins.Where(m => !truth || m == margins[margins.Length / 2]).Select(m => new ForesightFlagPolicy(t, t - m, 1, truth, dossiers)));
                if (!truth)
                {
                    policies.Add(new ForesightFlagPolicy(t, null, 2, truth, dossiers));
                    policies.Add(new ForesightFlagPolicy(t, t - margins[margins.Length / 2], 2, truth, dossiers));
                }
            }
        }

        return policies;
    }

    private static double[] List(string value) => [.. value.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture))];

    private static void Row(StringBuilder report, string name, int[] flagged, int[] counted, List<ForesightDossier> dossiers, Func<int, DateTimeOffset> flaggedAt, IDeadlines deadlines, TimeSpan day,
        (int EverFalse, int Repeated)? episodes = null)
    {
        var truePositives = flagged.Where(i => dossiers[i].Late).ToArray();
        var late = counted.Count(i => dossiers[i].Late);
        var ahead = truePositives.Select(i => deadlines.OfficeTimeBetween(flaggedAt(i), dossiers[i].DueAt) / day).Order().ToArray();
        var recall = late == 0 ? 0 : (double)truePositives.Length / late;
        var precision = flagged.Length == 0 ? 0 : (double)truePositives.Length / flagged.Length;
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {recall:0.000} | {precision:0.000} | {flagged.Length:N0} | {truePositives.Length:N0} of {late:N0} | {flagged.Length - truePositives.Length:N0} | {(ahead.Length == 0 ? 0 : ahead.Average()):0.00} | {(ahead.Length == 0 ? 0 : ahead[ahead.Length / 2]):0.00} | {(episodes is { } e ? e.EverFalse.ToString("N0", CultureInfo.InvariantCulture) : "–")} | {(episodes is { } r ? r.Repeated.ToString("N0", CultureInfo.InvariantCulture) : "–")} |");
    }

    private static string Micro(TimeSpan total, long count) => (total.TotalMicroseconds / Math.Max(1, count)).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Dossiers submitted at random office instants of every working day, ordered by receipt.</summary>
    private static List<ForesightDossier> Generate(ForesightWorld world, CalendarDeadlines deadlines, WorkingCalendar calendar, int perDay, int days, int seed)
    {
        var random = new Random(seed + 1);
        var zone = calendar.TimeZone;
        var first = new DateOnly(2025, 1, 2);
        var dossiers = new List<ForesightDossier>(perDay * days);
        var sequence = 0;
        for (var d = 0; d < days; d++)
        {
            var date = first.AddDays(d);
            if (!calendar.IsWorkingDay(date))
            {
                continue;
            }

            var opening = new DateTimeOffset(date.ToDateTime(new TimeOnly(7, 30)), zone.GetUtcOffset(date.ToDateTime(new TimeOnly(7, 30))));
            var count = perDay / 2 + random.Next(perDay + 1);
            for (var i = 0; i < count; i++)
            {
                var at = deadlines.AddOfficeTime(opening, TimeSpan.FromMinutes(random.Next(0, 8 * 60)));
                dossiers.Add(world.Dossier(at, ++sequence));
            }
        }

        dossiers.Sort((a, b) => a.ReceivedAt.CompareTo(b.ReceivedAt));
        return dossiers;
    }
}
