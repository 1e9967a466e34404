using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EGov.Dossiers.Lookup;

/// <summary>The public lookup's cache and its change feed (docs/architecture.md, "Public lookup").</summary>
public static class LookupSetup
{
    public static IServiceCollection AddPublicLookup(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("PublicLookup");
        var capacity = section.GetValue("CacheEntries", PublicLookupCache.DefaultCapacity);
        var poll = section.GetValue("FeedPollMilliseconds", 200.0);
        var retry = section.GetValue("FeedRetrySeconds", 1.0);
        var maxAge = section.GetValue("MaxFeedAgeMilliseconds", PublicLookupCache.DefaultMaxFeedAge.TotalMilliseconds);
        if (capacity < 0 || poll <= 0 || retry <= 0 || maxAge <= poll)
        {
            throw new InvalidOperationException(
                $"PublicLookup:CacheEntries must be zero or more, FeedPollMilliseconds and FeedRetrySeconds positive and MaxFeedAgeMilliseconds " +
                $"above FeedPollMilliseconds, not {capacity}, {poll}, {retry} and {maxAge}.");
        }

        services.AddSingleton(sp => new PublicLookupCache(sp.GetRequiredService<IDocumentStore>(), capacity, TimeSpan.FromMilliseconds(maxAge)));

        // The connection string is read when the feed starts: in Development the host may set it at start-up.
        services.AddHostedService(sp => new LookupChangeFeed(
            sp.GetRequiredService<PublicLookupCache>(),
            section["FeedConnectionString"] ?? sp.GetRequiredService<IConfiguration>().GetConnectionString("egov")
                ?? throw new InvalidOperationException("ConnectionStrings:egov is not configured."),
            TimeSpan.FromMilliseconds(poll),
            TimeSpan.FromSeconds(retry),
            sp.GetRequiredService<ILogger<LookupChangeFeed>>()));
        return services;
    }
}
