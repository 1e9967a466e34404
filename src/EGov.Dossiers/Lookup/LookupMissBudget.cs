using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace EGov.Dossiers.Lookup;

/// <summary>
/// A second, tighter budget per client for lookups that find nothing: someone walking the sequential codes mostly
/// misses, a citizen following a receipt mostly hits. Each unknown (or malformed) code takes a permit; once a
/// client's permits are gone every lookup from it is refused with 429 until the window ends (a hit would otherwise
/// still tell the walker which codes exist). The client key is the host's (<c>PublicLookup</c> rate limit): the same
/// subject or address, after trusted proxies.
/// </summary>
public sealed class LookupMissBudget : IDisposable
{
    public const int DefaultMissLimit = 10;

    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public LookupMissBudget(Func<HttpContext, string> clientKey, int missLimit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(clientKey);
        Window = window;
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetFixedWindowLimiter(clientKey(http), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = missLimit,
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public TimeSpan Window { get; }

    /// <summary>Null when the client may look up; otherwise how long it must wait.</summary>
    public TimeSpan? Exhausted(HttpContext http) => Refusal(_limiter.AttemptAcquire(http, 0));

    /// <summary>Takes one permit for a miss: null when there was one, otherwise how long the client must wait.</summary>
    public TimeSpan? Charge(HttpContext http) => Refusal(_limiter.AttemptAcquire(http, 1));

    public void Dispose() => _limiter.Dispose();

    private TimeSpan? Refusal(RateLimitLease lease)
    {
        using (lease)
        {
            return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        }
    }
}
