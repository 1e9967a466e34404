namespace EGov.Dossiers.Foresight;

/// <summary>
/// The office time a step took in past dossiers, sorted: an empirical distribution the model conditions on the time
/// already spent ("it has taken 2 days so far: how much longer, judging by the dossiers that took at least 2?").
/// </summary>
public sealed class StepDurations
{
    private readonly TimeSpan[] _sorted;
    private double[]? _seconds;
    private Distribution? _reduced;

    public StepDurations(IEnumerable<TimeSpan> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        _sorted = [.. samples];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    /// <summary>The samples, shortest first.</summary>
    public ReadOnlySpan<TimeSpan> Sorted => _sorted;

    /// <summary>The samples in seconds, shortest first: what the model computes with, made once per snapshot.</summary>
    internal double[] Seconds => _seconds ??= [.. _sorted.Select(t => t.TotalSeconds)];

    /// <summary>The samples reduced to <paramref name="k"/> quantiles (a step ahead in the convolution); kept for the last k asked.</summary>
    internal Distribution Reduced(int k)
    {
        var cached = _reduced;
        if (cached is null || cached.Values.Length != Math.Min(k, Math.Max(1, _sorted.Length)))
        {
            cached = _reduced = Distribution.Quantiles(Seconds, k);
        }

        return cached;
    }

    /// <summary>The share of samples longer than <paramref name="t"/> (0 for an empty set).</summary>
    public double ShareLongerThan(TimeSpan t)
    {
        if (_sorted.Length == 0)
        {
            return 0;
        }

        var lo = Distribution.CountAtMost<TimeSpan>(_sorted, t);
        return (double)(_sorted.Length - lo) / _sorted.Length;
    }
}
