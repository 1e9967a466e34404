namespace EGov.Dossiers.Intake;

/// <summary>
/// One agency's numbers for one day on this node: what is left of the block reserved last, and how big the next
/// reservation should be. A block that ran out within a second doubles the next one (up to <see cref="MaxSize"/>); a
/// block that lasted more than <see cref="QuietSeconds"/> seconds starts again at one, so a quiet day's numbers are
/// handed out one by one, in order (gaps only where an intake failed or a repeated intake met its first dossier). Thread-safe: callers that find the block empty wait for one
/// reservation and share it.
/// </summary>
public sealed class CodeBlocks
{
    /// <summary>The largest block: at most this many - 1 numbers are lost when a node stops with a block in hand.</summary>
    public const int MaxSize = 64;

    /// <summary>A block that lasted longer than this means intake is quiet: reserve one number at a time again.</summary>
    public const int QuietSeconds = 5;

    private readonly SemaphoreSlim _reserving = new(1, 1);
    private readonly Lock _lock = new();
    private int _next = 1;
    private int _end;
    private int _size;
    private long? _reservedAt;

    /// <summary>The size of the last reservation (for tests and diagnostics).</summary>
    public int LastSize => _size;

    /// <summary>The next number: from the block in hand, or from a new block reserved through <paramref name="reserve"/>.</summary>
    /// <param name="reserve">Reserves the given count atomically and returns the last number reserved.</param>
    /// <param name="timestamp">The current monotonic timestamp.</param>
    /// <param name="frequency">Timestamp ticks per second.</param>
    public async Task<int> NextAsync(Func<int, Task<int>> reserve, Func<long> timestamp, long frequency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reserve);
        ArgumentNullException.ThrowIfNull(timestamp);
        if (TryTake(out var value))
        {
            return value;
        }

        await _reserving.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Someone else may have reserved while this caller waited.
            if (TryTake(out value))
            {
                return value;
            }

            var now = timestamp();
            var size = NextSize(_size, _reservedAt is { } at ? (double)(now - at) / frequency : null);
            var last = await reserve(size).ConfigureAwait(false);
            if (last < size)
            {
                throw new InvalidOperationException($"The code counter returned {last} for a block of {size}.");
            }

            lock (_lock)
            {
                _size = size;
                _reservedAt = now;
                _next = last - size + 2;
                _end = last;
                return last - size + 1;
            }
        }
        finally
        {
            _reserving.Release();
        }
    }

    /// <summary>How many numbers to reserve, given the last block's size and how many seconds ago it was reserved.</summary>
    public static int NextSize(int lastSize, double? secondsSinceLast) => secondsSinceLast switch
    {
        null => 1,
        < 1 => Math.Clamp(lastSize * 2, 1, MaxSize),
        > QuietSeconds => 1,
        _ => Math.Clamp(lastSize, 1, MaxSize),
    };

    private bool TryTake(out int value)
    {
        lock (_lock)
        {
            if (_next <= _end)
            {
                value = _next++;
                return true;
            }
        }

        value = 0;
        return false;
    }
}
