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
        if (capacity < 0 || poll <= 0 || retry <= 0)
        {
            throw new InvalidOperationException(
                $"PublicLookup:CacheEntries must be zero or more, FeedPollMilliseconds and FeedRetrySeconds positive, not {capacity}, {poll} and {retry}.");
        }

        services.AddSingleton(sp => new PublicLookupCache(sp.GetRequiredService<IDocumentStore>(), capacity));

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
