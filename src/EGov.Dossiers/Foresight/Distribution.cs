namespace EGov.Dossiers.Foresight;

/// <summary>
/// A distribution of office time as equally likely values, shortest first (in seconds): a step reduced to K quantiles,
/// or the sum of several steps. Immutable; the survival function is a count.
/// </summary>
internal sealed class Distribution
{
    public static readonly Distribution Zero = new([0]);

    private Distribution(double[] values)
    {
        Values = values;
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        Mean = sum / values.Length;
    }

    /// <summary>Equally likely values, ascending.</summary>
    public double[] Values { get; }

    public double Mean { get; }

    /// <summary>The empirical distribution of <paramref name="sorted"/> reduced to at most <paramref name="k"/> equal buckets, each its mean.</summary>
    public static Distribution Quantiles(ReadOnlySpan<double> sorted, int k)
    {
        if (sorted.Length == 0)
        {
            return Zero;
        }

        if (sorted.Length <= k)
        {
            return new Distribution(sorted.ToArray());
        }

        var values = new double[k];
        for (var j = 0; j < k; j++)
        {
            // Bucket j holds the samples [n·j/k, n·(j+1)/k): means keep the distribution's mean exactly.
            int from = (int)((long)sorted.Length * j / k), to = (int)((long)sorted.Length * (j + 1) / k);
            var sum = 0.0;
            for (var i = from; i < to; i++)
            {
                sum += sorted[i];
            }

            values[j] = sum / (to - from);
        }

        return new Distribution(values);
    }

    /// <summary>The cold-start stand-in for a step: uniform on [A/2, A], as <paramref name="k"/> midpoints.</summary>
    public static Distribution Declared(double allowance, int k)
    {
        var values = new double[k];
        for (var j = 0; j < k; j++)
        {
            values[j] = allowance * (0.5 + (0.5 * (j + 0.5) / k));
        }

        return new Distribution(values);
    }

    /// <summary>The distribution of this plus an independent <paramref name="other"/>, kept to at most <paramref name="k"/> values.</summary>
    public Distribution Plus(Distribution other, int k)
    {
        var sums = new double[Values.Length * other.Values.Length];
        var n = 0;
        foreach (var a in Values)
        {
            foreach (var b in other.Values)
            {
                sums[n++] = a + b;
            }
        }

        Array.Sort(sums);
        return Quantiles(sums, k);
    }

    /// <summary>P(X &gt; t).</summary>
    public double Survival(double t) => (double)(Values.Length - CountAtMost(t)) / Values.Length;

    /// <summary>The median value.</summary>
    public double Median => Values[Values.Length / 2];

    /// <summary>How many values are ≤ <paramref name="t"/>.</summary>
    public int CountAtMost(double t) => CountAtMost<double>(Values, t);

    /// <summary>How many of the ascending <paramref name="sorted"/> are ≤ <paramref name="t"/>: the index of the first one above it.</summary>
    public static int CountAtMost<T>(ReadOnlySpan<T> sorted, T t)
        where T : IComparable<T>
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].CompareTo(t) <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
