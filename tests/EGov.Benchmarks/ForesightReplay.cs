using System.Diagnostics;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Lifecycle;

namespace EGov.Benchmarks;

/// <summary>
/// The foresight benchmark's replay: one time-ordered pass over every estimate and every step that ended. A step's
/// duration joins the history only after the estimates made at the instant it ended, so no estimate sees the future.
/// </summary>
internal sealed class Replay
{
    /// <summary>The model's pace weight for this run (the benchmark's --pace option).</summary>
    public static double PaceWeight { get; set; } = new ForesightModelOptions().PaceWeight;

    public long Estimates { get; private set; }

    public long Cold { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public TimeSpan InputTime { get; private set; }

    public TimeSpan ModelTime { get; private set; }

    /// <summary>The sweep's case, on one core: the input and the model for many dossiers over one history snapshot.</summary>
    public (long Estimates, TimeSpan Input, TimeSpan Model) Steady { get; private set; }

    /// <summary>Replays every estimate into <paramref name="policies"/>; the oracle's ones only when <paramref name="oracle"/> is given.</summary>
    public static Replay Run(List<ForesightDossier> dossiers, CalendarDeadlines deadlines, TimeSpan tick, TimeSpan refresh, ForesightOptions settings,
        IReadOnlyList<ForesightFlagPolicy> policies, ForesightOracle? oracle)
    {
        var replay = new Replay();
        var ticks = Ticks(deadlines, dossiers[0].ReceivedAt, dossiers.Max(d => d.EndedAt), tick);
        var items = new List<Item>();
        for (var d = 0; d < dossiers.Count; d++)
        {
            var dossier = dossiers[d];
            var until = dossier.EndedAt < dossier.DecideAt ? dossier.EndedAt : dossier.DecideAt;
            foreach (var e in dossier.Events)
            {
                if (e.Meta.At >= dossier.ReceivedAt && e.Meta.At < dossier.EndedAt && e.Meta.At <= dossier.DecideAt)
                {
                    items.Add(new Item(e.Meta.At.UtcTicks, 0, d, 0));
                }
            }

            for (var k = First(ticks, dossier.ReceivedAt); k < ticks.Length && ticks[k] < until; k++)
            {
                items.Add(new Item(ticks[k].UtcTicks, 0, d, 0));
            }

            if (dossier.EndedAt > dossier.DecideAt)
            {
                items.Add(new Item(dossier.DecideAt.UtcTicks, 0, d, 0));
            }

            for (var s = 0; s < dossier.Steps.Count; s++)
            {
                items.Add(new Item(dossier.Steps[s].EndedAt.UtcTicks, 1, d, s));
            }
        }

        items.Sort();
        // As on a node: the history the estimates read is reloaded every `refresh`, with the steps ended before then.
        var history = new InMemoryStepHistory(settings.HistoryDepth, settings.MinSamples);
        var pending = new List<ForesightSample>();
        var loadedUntil = long.MinValue;
        var model = new RiskModel();
        var options = settings.Model with { PaceWeight = PaceWeight };
        var states = new DossierState?[dossiers.Count];
        var applied = new int[dossiers.Count];
        var total = Stopwatch.StartNew();
        long inputTicks = 0, modelTicks = 0;
        foreach (var item in items)
        {
            var dossier = dossiers[item.Dossier];
            if (item.Kind == 1)
            {
                pending.Add(dossier.Steps[item.Index]);
                continue;
            }

            if (item.At >= loadedUntil)
            {
                foreach (var sample in pending)
                {
                    history.Add(sample.Procedure, sample.Step, sample.Unit, sample.EndedAt, sample.OfficeTime);
                }

                pending.Clear();
                loadedUntil = item.At - (item.At % refresh.Ticks) + refresh.Ticks;
            }

            var now = new DateTimeOffset(item.At, TimeSpan.Zero);
            var state = states[item.Dossier];
            while (applied[item.Dossier] < dossier.Events.Count && dossier.Events[applied[item.Dossier]].Meta.At <= now)
            {
                state = DossierEvolution.Apply(state, dossier.Events[applied[item.Dossier]], ++applied[item.Dossier]);
            }

            states[item.Dossier] = state;
            var started = Stopwatch.GetTimestamp();
            var input = RiskInputs.From(state!, deadlines.ForUnit(state!.HoldingUnit), now);
            var built = Stopwatch.GetTimestamp();
            if (input is null)
            {
                continue;
            }

            var forecast = model.Estimate(input, history, state.ProcedureCode, options);
            var done = Stopwatch.GetTimestamp();
            inputTicks += built - started;
            modelTicks += done - built;
            replay.Estimates++;
            replay.Cold += forecast.FromHistory ? 0 : 1;
            var truth = oracle?.Probability(dossier, input, state.CurrentStepIndex) ?? 0;
            foreach (var policy in policies)
            {
                policy.See(item.Dossier, now, policy.Oracle ? truth : forecast.Probability);
            }
        }

        replay.Elapsed = total.Elapsed;
        replay.Steady = MeasureSteady(dossiers, states, deadlines, history, options);
        replay.InputTime = Stopwatch.GetElapsedTime(0, inputTicks);
        replay.ModelTime = Stopwatch.GetElapsedTime(0, modelTicks);
        return replay;
    }

    // Every dossier of the replay in the state it was last seen (most mid-way), estimated at one instant, five times over.
    private static (long, TimeSpan, TimeSpan) MeasureSteady(List<ForesightDossier> dossiers, DossierState?[] states, CalendarDeadlines deadlines, IStepHistory history, ForesightModelOptions options)
    {
        var model = new RiskModel();
        var seen = Enumerable.Range(0, dossiers.Count).Where(i => states[i] is not null).ToArray();
        var now = dossiers[seen[seen.Length / 2]].ReceivedAt;
        var inputs = new List<(RiskInput Input, string Procedure)>();
        var started = Stopwatch.GetTimestamp();
        for (var round = 0; round < 5; round++)
        {
            inputs.Clear();
            foreach (var i in seen)
            {
                var state = states[i]!;
                if (RiskInputs.From(state, deadlines.ForUnit(state.HoldingUnit), now) is { } input)
                {
                    inputs.Add((input, state.ProcedureCode));
                }
            }
        }

        var built = Stopwatch.GetTimestamp();
        var sum = 0.0;
        for (var round = 0; round < 5; round++)
        {
            foreach (var (input, procedure) in inputs)
            {
                sum += model.Estimate(input, history, procedure, options).Probability;
            }
        }

        var done = Stopwatch.GetTimestamp();
        GC.KeepAlive(sum);
        return (5L * inputs.Count, Stopwatch.GetElapsedTime(started, built), Stopwatch.GetElapsedTime(built, done));
    }

    /// <summary>The sweep's instants: every <paramref name="tick"/> of office time.</summary>
    private static DateTimeOffset[] Ticks(IDeadlines deadlines, DateTimeOffset from, DateTimeOffset to, TimeSpan tick)
    {
        var ticks = new List<DateTimeOffset>();
        for (var at = from; at <= to; at = deadlines.AddOfficeTime(at, tick))
        {
            ticks.Add(at);
        }

        return [.. ticks];
    }

    private static int First(DateTimeOffset[] ticks, DateTimeOffset at)
    {
        var i = Array.BinarySearch(ticks, at);
        return i >= 0 ? i : ~i;
    }

    /// <summary>Kind 0: estimate dossier <paramref name="Dossier"/>; 1: its step <paramref name="Index"/> ended. Estimates first at an instant.</summary>
    private readonly record struct Item(long At, int Kind, int Dossier, int Index) : IComparable<Item>
    {
        public int CompareTo(Item other) => At != other.At ? At.CompareTo(other.At) : Kind != other.Kind ? Kind.CompareTo(other.Kind) : Dossier.CompareTo(other.Dossier);
    }
}
