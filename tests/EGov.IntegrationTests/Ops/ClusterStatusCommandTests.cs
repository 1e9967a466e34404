using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests.Ops;

/// <summary>Issue 17: <c>cluster-status</c> lists the silos of the membership table with their status and last heartbeat.</summary>
public sealed class ClusterStatusCommandTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_running_AdoNet_node_is_listed_active_with_a_recent_heartbeat()
    {
        var clusterId = $"ops-{Guid.NewGuid():N}"[..20];
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
        {
            ["Silo:Clustering"] = "AdoNet",
            ["Silo:AdvertisedAddress"] = "127.0.0.1",
            ["Silo:ClusterId"] = clusterId,
            ["Silo:Name"] = "ops-node-1",
        });
        var settings = HostCommand.Production(host.ConnectionString);
        settings["Silo__Clustering"] = "AdoNet";
        settings["Silo__AdvertisedAddress"] = "127.0.0.1";
        settings["Silo__ClusterId"] = clusterId;

        var run = await HostCommand.RunAsync(settings, "cluster-status");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Cluster {clusterId}: 1 active of 1 silo row(s)", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"ops-node-1\s+127\.0\.0\.1:\d+@\d+\s+Active\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(\d+ s ago\)", run.Stdout);
    }

    [Fact]
    public async Task A_cluster_nobody_joined_is_reported_with_exit_code_1()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres);
        var settings = HostCommand.Production(host.ConnectionString);
        settings["Silo__Clustering"] = "AdoNet";
        settings["Silo__AdvertisedAddress"] = "127.0.0.1";

        var run = await HostCommand.RunAsync(settings, "cluster-status", "--cluster-id", "nobody-here");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Cluster nobody-here: 0 active of 0 silo row(s)", run.Stdout, StringComparison.Ordinal);
    }
}
