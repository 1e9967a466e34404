namespace EGov.Benchmarks;

/// <summary>
/// Decides when a warm-up is over: throughput is stable once the last <see cref="Windows"/> consecutive windows are
/// all within <see cref="Tolerance"/> of their mean. Tiered JIT, Wolverine's generated handlers, connection pools
/// and PostgreSQL's caches make the first tens of seconds climb (issue 16 measured 289/s after 5 s and 561-597/s
/// after 40 s); a fixed short warm-up measures that climb, not the platform. Pure, so it is unit-tested.
/// </summary>
public sealed record StabilityDetector(int Windows = 3, double Tolerance = 0.05)
{
    /// <summary>True when the last <see cref="Windows"/> rates (requests per second, oldest first) agree.</summary>
    public bool IsStable(IReadOnlyList<double> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (rates.Count < Windows)
        {
            return false;
        }

        var last = rates.Skip(rates.Count - Windows).ToArray();
        var mean = last.Average();
        // A phase doing nothing is not "stable": it is broken, and the cap ends it.
        return mean > 0 && last.All(r => Math.Abs(r - mean) <= Tolerance * mean);
    }

    /// <summary>The spread of the last windows, (max - min) / mean, for the report; NaN when there are too few.</summary>
    public double Spread(IReadOnlyList<double> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (rates.Count < Windows)
        {
            return double.NaN;
        }

        var last = rates.Skip(rates.Count - Windows).ToArray();
        var mean = last.Average();
        return mean > 0 ? (last.Max() - last.Min()) / mean : double.NaN;
    }
}

/// <summary>How a phase's warm-up went: how long it took, its window rates, and whether it ended stable or at the cap.</summary>
public sealed record WarmupResult(TimeSpan Elapsed, IReadOnlyList<double> WindowRates, bool Stable, double Spread)
{
    public static WarmupResult None { get; } = new(TimeSpan.Zero, [], Stable: false, double.NaN);
}
