using System.Collections.Concurrent;
using EGov.Dossiers.Lifecycle;
using Marten;

namespace EGov.Dossiers.Lookup;

/// <summary>
/// The public views of recently looked-up dossiers, so that a hit costs no database round trip. Kept correct by
/// <see cref="LookupChangeFeed"/>: every commit that touches a dossier's read model row logs its code, and every node's
/// feed reads the log and evicts the code. The cache is used only while that feed is reading; when it is not
/// (start-up, a dropped connection) every lookup goes to the database and nothing is kept, and the cache is emptied
/// again once the feed reads, so a change made meanwhile cannot leave a stale entry behind.
/// </summary>
/// <remarks>
/// A load races with commits: a lookup may read a row, a commit change it and its notification arrive before the
/// lookup stores what it read (the feed sees the change between). So a load first puts a placeholder under the code, and stores its result only by
/// replacing that very placeholder; an eviction removes whatever is there, placeholder included, and the late
/// result is then dropped. Unknown codes are not kept (an enumerator would fill the cache with them).
/// </remarks>
public sealed class PublicLookupCache(IDocumentStore store, int capacity, TimeSpan maxFeedAge)
{
    public const int DefaultCapacity = 50_000;

    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    /// <summary>
    /// How old the feed's last read may be for entries to be served (<c>PublicLookup:MaxFeedAgeMilliseconds</c>): the
    /// promise is "fresh within a second of a commit on any node", so a feed that is stuck (a half-open connection
    /// blocking its poll) must not leave hits answered from memory for the length of a command timeout.
    /// </summary>
    public static readonly TimeSpan DefaultMaxFeedAge = TimeSpan.FromSeconds(1);

    private volatile bool _live;
    private long _readUpTo = long.MinValue;
    private long _count;
    private long _loads;
    private int _trimming;

    /// <summary>Reads of the database (a test seam and a metric): a hit adds nothing.</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>The change feed is reading, so entries may be kept and served.</summary>
    public bool IsLive => _live;

    public int Capacity => capacity;

    /// <summary>Entries and placeholders held (approximate under concurrency; used to bound the size).</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>The public view of the dossier with this code, or null when there is none.</summary>
    public async ValueTask<PublicView?> GetAsync(string code, CancellationToken cancellationToken)
    {
        if (!_live || Environment.TickCount64 - Interlocked.Read(ref _readUpTo) > maxFeedAge.TotalMilliseconds)
        {
            return await LoadAsync(code, cancellationToken).ConfigureAwait(false);
        }

        if (_slots.TryGetValue(code, out var found) && found.View is { } hit)
        {
            return hit;
        }

        var pending = new Slot(null);
        var registered = found is null && Interlocked.Read(ref _count) < capacity && _slots.TryAdd(code, pending);
        if (registered)
        {
            Interlocked.Increment(ref _count);
        }
        else if (Interlocked.Read(ref _count) >= capacity)
        {
            Trim();
        }

        PublicView? view = null;
        try
        {
            view = await LoadAsync(code, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Kept only if no eviction removed the placeholder meanwhile (the compare is by reference).
            if (registered && (view is null || !_slots.TryUpdate(code, new Slot(view), pending)))
            {
                Remove(new KeyValuePair<string, Slot>(code, pending));
            }
        }

        return view;
    }

    /// <summary>A commit changed this dossier: the next lookup reads it again.</summary>
    public void Evict(string code)
    {
        if (_slots.TryRemove(code, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>
    /// The feed has read every change committed before <paramref name="startedAt"/> (<see cref="Environment.TickCount64"/>
    /// taken before its read began).
    /// </summary>
    public void ReadUpTo(long startedAt) => Interlocked.Exchange(ref _readUpTo, startedAt);

    /// <summary>Forget everything (a bulk change, or the feed going up or down).</summary>
    public void Clear()
    {
        _slots.Clear();
        Interlocked.Exchange(ref _count, 0);
    }

    /// <summary>The feed stopped listening: serve from the database only, until <see cref="Resume"/>.</summary>
    public void Suspend()
    {
        _live = false;
        Clear();
    }

    /// <summary>The feed reads again (from the log's current end): drop what may have missed a change, then keep entries.</summary>
    public void Resume()
    {
        Clear();
        _live = true;
    }

    private void Remove(KeyValuePair<string, Slot> entry)
    {
        if (_slots.TryRemove(entry))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    // Full: drop about half, in the dictionary's order (which is unrelated to age or code), on one thread at a time.
    // Cheaper than tracking recency on every hit, and a dropped entry costs one read.
    private void Trim()
    {
        if (Interlocked.Exchange(ref _trimming, 1) == 1)
        {
            return;
        }

        try
        {
            var toDrop = capacity / 2;
            foreach (var entry in _slots)
            {
                if (toDrop-- <= 0)
                {
                    break;
                }

                Remove(entry);
            }
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }

    private async Task<PublicView?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        var session = store.QuerySession();
        await using (session.ConfigureAwait(false))
        {
            // A compiled query: translated once per process, the same statement text every time (auto-prepared).
            var state = await session.QueryAsync(new DossierByCode { Code = code }, cancellationToken).ConfigureAwait(false);
            return state is null ? null : PublicView.Of(state);
        }
    }

    private sealed class Slot(PublicView? view)
    {
        public PublicView? View { get; } = view;
    }
}
