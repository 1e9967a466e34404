using System.Diagnostics;

namespace EGov.Benchmarks;

/// <summary>
/// Latencies and errors seen by one client. Each client owns its recorder, so recording is a plain list append with
/// no locking on the hot path; recorders are merged once the phase is over.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _successMs = new(capacity: 4096);
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);

    public int Requests { get; private set; }

    public void Success(long startTimestamp) => Add(startTimestamp, error: null);

    public void Error(long startTimestamp, string kind) => Add(startTimestamp, kind);

    private void Add(long startTimestamp, string? error)
    {
        Requests++;
        if (error is null)
        {
            _successMs.Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);
        }
        else
        {
            _errors[error] = _errors.GetValueOrDefault(error) + 1;
        }
    }

    /// <summary>Merges the clients of one phase into its figures.</summary>
    public static PhaseResult Merge(string name, int clients, TimeSpan elapsed, IReadOnlyCollection<LatencyRecorder> recorders)
    {
        var all = recorders.SelectMany(r => r._successMs).ToArray();
        Array.Sort(all);
        var errors = recorders.SelectMany(r => r._errors)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Value), StringComparer.Ordinal);
        return new PhaseResult(name, clients, elapsed, recorders.Sum(r => r.Requests), all.Length,
            Percentile(all, 50), Percentile(all, 95), Percentile(all, 99), all.Length == 0 ? 0 : all[^1], errors);
    }

    /// <summary>Nearest-rank percentile: the value below which p% of the sorted samples fall, no interpolation.</summary>
    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// The figures of one measured phase. Latency percentiles are over successful requests; throughput counts only
/// successes, so errors can never make a run look faster.
/// </summary>
public sealed record PhaseResult(
    string Name,
    int Clients,
    TimeSpan Elapsed,
    int Requests,
    int Successes,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyDictionary<string, int> Errors)
{
    public int ErrorCount => Requests - Successes;

    public double RequestsPerSecond => Elapsed.TotalSeconds > 0 ? Successes / Elapsed.TotalSeconds : 0;
}
