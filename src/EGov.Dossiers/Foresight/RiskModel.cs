using System.Collections.Concurrent;
using EGov.Dossiers.Events;

namespace EGov.Dossiers.Foresight;

/// <summary>What the model says, before the calendar turns the expected remaining time into an instant.</summary>
/// <param name="FromHistory">False when every step still to do fell back to its declared allowance.</param>
public sealed record RiskForecast(double Probability, TimeSpan ExpectedRemaining, IReadOnlyList<RiskReason> Reasons, bool FromHistory);

/// <summary>
/// The risk model (docs/foresight.md, "The model"): with c = R + s, p = mean over the current step's samples
/// d &gt; s of P(X &gt; c − d), X the sum of the steps ahead; d = s when no sample is longer than s; R ≤ 0 gives 1.
/// Pure: the answer depends only on the input and the history; the cache of the steps-ahead sums is checked
/// against the history's snapshots on every use, so it never changes an answer.
/// </summary>
public sealed class RiskModel
{
    private const int MaxCached = 20_000;
    private readonly ConcurrentDictionary<AheadKey, AheadSum> _sums = new();

    public RiskForecast Estimate(RiskInput input, IStepHistory history, string procedureCode, ForesightModelOptions o)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(o);
        var ahead = Ahead(input, history, procedureCode, o);
        var current = input.Current is { } step ? Trusted(history.For(procedureCode, step.Id, step.Unit), o) : null;
        var samples = input.Current is null ? []
            : current?.Seconds ?? Distribution.Declared(input.Current.Allowance.TotalSeconds, o.StepQuantiles).Values;
        var r = input.Remaining.TotalSeconds;
        var s = input.Spent.TotalSeconds;
        var x = ahead.Sum;

        // The current step's samples that took longer than s: the dossiers "like this one so far".
        var first = FirstAbove(samples, s);
        var longer = samples.Length - first;
        var currentLeft = 0.0;
        for (var i = first; i < samples.Length; i++)
        {
            currentLeft += samples[i] - s;
        }

        currentLeft = longer == 0 ? 0 : currentLeft / longer;
        var pace = Pace(input, history, procedureCode, o);
        var p = r <= 0 ? 1 : longer == 0 ? x.Survival(r / pace) : MeanSurvival(x, samples, first, r + s, pace);
        var expected = TimeSpan.FromSeconds(Math.Max(0, currentLeft + (pace * x.Mean)));
        var fromHistory = current is not null || ahead.Cold.Count < input.Ahead.Count;
        var facts = new RiskFacts(input, p, expected, x, current, longer, samples.Length - FirstAbove(samples, Math.Max(s, input.Current?.Allowance.TotalSeconds ?? 0)),
            ahead.Cold, o.MinSamples, pace);
        return new RiskForecast(p, expected, RiskReasons.For(facts), fromHistory);
    }

    private static StepDurations? Trusted(StepDurations? history, ForesightModelOptions o) =>
        history is not null && history.Count >= Math.Max(1, o.MinSamples) ? history : null;

    /// <summary>
    /// How much slower (above 1) or faster than its history this dossier went through its completed steps, as the
    /// square root of the ratio, within [0.6, 1.8]; 1 when it cannot be told. A dossier's difficulty and the season
    /// weigh on all its steps alike, so the steps ahead are scaled by it (P(ρX &gt; t) = P(X &gt; t/ρ)). Fixed while
    /// a step runs (c = R + s is), so it keeps the estimate monotone in elapsed time.
    /// </summary>
    private static double Pace(RiskInput input, IStepHistory history, string procedureCode, ForesightModelOptions o)
    {
        if (input.DoneTime is not { } used || input.Done is not { Count: > 0 } done || input.Ahead.Count == 0 || o.PaceWeight <= 0)
        {
            return 1;
        }

        var expected = 0.0;
        foreach (var step in done)
        {
            if (Trusted(history.For(procedureCode, step.Id, step.Unit), o) is not { } past)
            {
                return 1;
            }

            expected += past.Reduced(o.StepQuantiles).Mean;
        }

        return expected <= 0 ? 1 : Math.Clamp(Math.Pow(Math.Max(used.TotalSeconds, 1) / expected, o.PaceWeight), 0.6, 1.8);
    }

    /// <summary>mean over i ≥ first of P(ρX &gt; c − d_i), walking both ascending arrays once.</summary>
    private static double MeanSurvival(Distribution x, double[] d, int first, double c, double pace)
    {
        var values = x.Values;
        var m = values.Length;
        var atMost = x.CountAtMost((c - d[first]) / pace);
        var total = 0L;
        for (var i = first; i < d.Length; i++)
        {
            var t = (c - d[i]) / pace;
            while (atMost > 0 && values[atMost - 1] > t)
            {
                atMost--;
            }

            total += m - atMost;
        }

        return (double)total / ((long)(d.Length - first) * m);
    }

    private static int FirstAbove(double[] sorted, double t) => Distribution.CountAtMost<double>(sorted, t);

    /// <summary>The sum of the steps ahead, from the cache when the steps and their history snapshots are the same.</summary>
    private AheadSum Ahead(RiskInput input, IStepHistory history, string procedureCode, ForesightModelOptions o)
    {
        var steps = input.Ahead;
        if (steps.Count == 0)
        {
            return AheadSum.None;
        }

        var sources = new StepDurations?[steps.Count];
        var hash = new HashCode();
        for (var i = 0; i < steps.Count; i++)
        {
            sources[i] = Trusted(history.For(procedureCode, steps[i].Id, steps[i].Unit), o);
            hash.Add(steps[i]);
        }

        var key = new AheadKey(procedureCode, input.AheadFrom, hash.ToHashCode(), o);
        if (_sums.TryGetValue(key, out var cached) && cached.Matches(steps, sources))
        {
            return cached;
        }

        var sum = Distribution.Zero;
        var cold = new List<StepInput>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = sources[i]?.Reduced(o.StepQuantiles);
            if (step is null)
            {
                cold.Add(steps[i]);
                step = Distribution.Declared(steps[i].Allowance.TotalSeconds, o.StepQuantiles);
            }

            sum = i == 0 ? step : sum.Plus(step, o.SumQuantiles);
        }

        var made = new AheadSum([.. steps], sources, sum, cold);
        if (_sums.Count >= MaxCached)
        {
            _sums.Clear();
        }

        _sums[key] = made;
        return made;
    }

    private readonly record struct AheadKey(string Procedure, int From, int Steps, ForesightModelOptions Options);

    private sealed record AheadSum(StepInput[] Steps, StepDurations?[] Sources, Distribution Sum, IReadOnlyList<StepInput> Cold)
    {
        public static readonly AheadSum None = new([], [], Distribution.Zero, []);

        public bool Matches(IReadOnlyList<StepInput> steps, StepDurations?[] sources)
        {
            if (steps.Count != Steps.Length)
            {
                return false;
            }

            for (var i = 0; i < Steps.Length; i++)
            {
                if (!ReferenceEquals(Sources[i], sources[i]) || Steps[i] != steps[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
