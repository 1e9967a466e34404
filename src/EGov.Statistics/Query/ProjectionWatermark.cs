namespace EGov.Statistics.Query;

/// <summary>
/// How far the statistics projection has counted, read at most every <see cref="MaxAge"/> however many dashboards
/// are open: a hundred open streams cost the database the same as one.
/// </summary>
public sealed class ProjectionWatermark(StatisticsReader reader)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(250);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _value = -1;
    private DateTime _readAt = DateTime.MinValue;

    public async Task<long> CurrentAsync(CancellationToken cancellation)
    {
        if (DateTime.UtcNow - _readAt < MaxAge)
        {
            return Interlocked.Read(ref _value);
        }

        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (DateTime.UtcNow - _readAt >= MaxAge)
            {
                Interlocked.Exchange(ref _value, await reader.ProjectedThroughAsync(cancellation).ConfigureAwait(false));
                _readAt = DateTime.UtcNow;
            }

            return Interlocked.Read(ref _value);
        }
        finally
        {
            _gate.Release();
        }
    }
}
