using Microsoft.Extensions.DependencyInjection;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>
/// Several real hosts on one database and one cluster id, with <c>Silo:Clustering=AdoNet</c> on loopback and
/// their own silo, gateway and HTTP ports: a silo cluster formed through the platform's membership tables, in one
/// test process.
/// </summary>
public sealed class ClusterHosts : IAsyncDisposable
{
    private readonly PostgresServer _postgres;
    private readonly List<TestHost> _hosts = [];

    private ClusterHosts(PostgresServer postgres, string connectionString, string clusterId)
    {
        _postgres = postgres;
        ConnectionString = connectionString;
        ClusterId = clusterId;
    }

    public string ConnectionString { get; }

    public string ClusterId { get; }

    public IReadOnlyList<TestHost> Hosts => _hosts;

    public static async Task<ClusterHosts> StartAsync(PostgresServer postgres, int count)
    {
        var cluster = new ClusterHosts(postgres, await postgres.CreateDatabaseAsync(), $"test-{Guid.NewGuid():N}");
        try
        {
            // One after the other: the first creates the schema, each later one joins a cluster that exists.
            for (var i = 0; i < count; i++)
            {
                await cluster.StartAnotherAsync();
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <param name="siloPort">A fixed silo port, e.g. to restart a node where it was; a free one otherwise.</param>
    public async Task<TestHost> StartAnotherAsync(int? siloPort = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:egov"] = ConnectionString,
            ["Silo:Clustering"] = "AdoNet",
            ["Silo:AdvertisedAddress"] = "127.0.0.1",
            ["Silo:ClusterId"] = ClusterId,
        };
        if (siloPort is { } port)
        {
            settings["Silo:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var host = await TestHost.StartAsync(_postgres, settings);
        _hosts.Add(host);
        return host;
    }

    /// <summary>A graceful stop of one host: its silo leaves the membership.</summary>
    public async Task StopAsync(TestHost host)
    {
        _hosts.Remove(host);
        await host.DisposeAsync();
    }

    /// <summary>What one host's silo knows of the cluster, through Orleans' management grain.</summary>
    public static async Task<Dictionary<SiloAddress, SiloStatus>> MembersSeenByAsync(TestHost host, bool onlyActive) =>
        await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive);

    public async ValueTask DisposeAsync()
    {
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].DisposeAsync();
        }

        _hosts.Clear();
    }
}
