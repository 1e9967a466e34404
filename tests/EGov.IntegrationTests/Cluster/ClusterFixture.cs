using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests.Cluster;

/// <summary>
/// Three host processes in one cluster, shared by the tests of the <see cref="ClusterCollection"/>: they run one at
/// a time (a node they kill or stop is started again before the next), since three more hosts per test class would
/// be more than two cores can run beside the rest of the suite.
/// </summary>
public sealed class ClusterFixture(PlatformFixture platform) : IAsyncLifetime
{
    public NodeCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Cluster = await NodeCluster.StartAsync(platform.Postgres, 3);

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three-node cluster";
}
