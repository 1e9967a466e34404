using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.MultiNode;

/// <summary>
/// Hosts that share one database. Each keeps the default Localhost clustering, so each is its own one-silo cluster:
/// the same dossier can be live on two of them at once — the stale-copy situation of issue 15, which a real
/// cluster also passes through briefly while its membership changes.
/// </summary>
internal static class Nodes
{
    /// <summary>Another host on <paramref name="first"/>'s database, with its own ports and silo.</summary>
    public static Task<TestHost> JoinAsync(PostgresServer postgres, TestHost first, IDictionary<string, string?>? settings = null, PlatformClock? clock = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:egov"] = first.ConnectionString,
        };
        return TestHost.StartAsync(postgres, all, clock);
    }
}
