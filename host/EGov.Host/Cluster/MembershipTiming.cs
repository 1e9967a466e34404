using System.Globalization;
using Orleans.Configuration;

namespace EGov.Host.Cluster;

/// <summary>
/// How fast the cluster notices a dead silo and forgets it, under <c>Silo:Membership:</c>. The defaults suit three
/// to five hosts on one LAN (Orleans' own suit a cloud): see docs/cluster.md for the detection bound they give.
/// Applied with <c>Silo:Clustering=AdoNet</c> only; a single localhost silo has no one to watch.
/// </summary>
internal sealed record MembershipTiming(
    TimeSpan ProbeTimeout,
    int MissedProbesLimit,
    int VotesForDeath,
    TimeSpan IAmAlivePeriod,
    TimeSpan TableRefreshPeriod,
    TimeSpan DefunctSiloCleanupPeriod,
    TimeSpan DefunctSiloExpiration)
{
    public static MembershipTiming Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Silo:Membership");
        return new MembershipTiming(
            // Orleans probes each peer every probe timeout (adapted to measured round trips within ½ to 4 times
            // it): 2 s instead of Orleans' 5 s, as a LAN answers in well under a millisecond.
            TimeSpan.FromSeconds(Positive(section, "ProbeTimeoutSeconds", 2)),
            Count(section, "MissedProbesLimit", 3),
            Count(section, "VotesForDeath", 2),

            // The heartbeat in the table (Orleans: 30 s): an operator sees a silo's liveness within 10 s, and a peer
            // that stopped beating for three periods no longer counts towards the votes needed to evict.
            TimeSpan.FromSeconds(Positive(section, "IAmAliveSeconds", 10)),

            // The periodic re-read (Orleans: 60 s); changes also arrive at once by gossip, this is the fallback.
            TimeSpan.FromSeconds(Positive(section, "TableRefreshSeconds", 10)),
            TimeSpan.FromMinutes(Positive(section, "DefunctSiloCleanupMinutes", 60)),

            // Dead rows are history an operator may want after a bad night (Orleans keeps 7 days); a day keeps the
            // table to a few dozen rows even with rolling restarts.
            TimeSpan.FromHours(Positive(section, "DefunctSiloExpirationHours", 24)));
    }

    public void ApplyTo(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = ProbeTimeout;
        options.NumMissedProbesLimit = MissedProbesLimit;
        options.NumVotesForDeathDeclaration = VotesForDeath;
        options.IAmAliveTablePublishTimeout = IAmAlivePeriod;
        options.TableRefreshTimeout = TableRefreshPeriod;
        options.DefunctSiloCleanupPeriod = DefunctSiloCleanupPeriod;
        options.DefunctSiloExpiration = DefunctSiloExpiration;
    }

    private static double Positive(IConfigurationSection section, string key, double fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || double.IsInfinity(value))
        {
            throw new InvalidOperationException($"Silo:Membership:{key} must be a positive number, not '{text}'.");
        }

        return value;
    }

    private static int Count(IConfigurationSection section, string key, int fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new InvalidOperationException($"Silo:Membership:{key} must be a whole number of at least 1, not '{text}'.");
        }

        return value;
    }
}
