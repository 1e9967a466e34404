using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.Cluster;

/// <summary>
/// Issue 15's acceptance: three real silos, separate host processes on one PostgreSQL with their own ports, form one
/// cluster; a dossier walked with each action through a different node; a node killed without shutdown, and the next
/// action on a dossier whose grain lived there answered through another node.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ThreeNodeClusterTests(ClusterFixture fixture)
{
    /// <summary>Generous bound on recovering from a SIGKILL: the documented detection time (docs/cluster.md) with room for a loaded CI machine.</summary>
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(90);

    private NodeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Every_node_sees_the_same_three_active_members()
    {
        var views = await Task.WhenAll(Cluster.Nodes.Select(Cluster.MembersAsync));
        var expected = Cluster.Nodes.Select(n => n.SiloEndpoint).Order(StringComparer.Ordinal).ToArray();
        foreach (var view in views)
        {
            var active = view.Where(m => m.Status == "Active").Select(m => m.Address[..m.Address.IndexOf('@', StringComparison.Ordinal)]).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, active);
        }
    }

    [Fact]
    public async Task A_dossier_walked_from_intake_to_delivery_with_each_action_through_a_different_node()
    {
        var n = Cluster.Nodes;
        var desk0 = await Cluster.ClientAsync(n[0], "desk-c0", [Roles.DeskOfficer], "STP");
        var specialist1 = await Cluster.ClientAsync(n[1], "spec-c1", [Roles.Specialist], "STP");
        var leader2 = await Cluster.ClientAsync(n[2], "lead-c2", [Roles.Leader], "STP");
        var desk1 = await Cluster.ClientAsync(n[1], "desk-c1", [Roles.DeskOfficer], "STP");
        var desk2 = await Cluster.ClientAsync(n[2], "desk-c2", [Roles.DeskOfficer], "STP");

        var d = await desk0.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();
        d = await specialist1.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { expectedVersion = 2 });
        Assert.Equal("Processing", d.GetProperty("status").GetString());
        d = await leader2.PostOkAsync($"/api/v1/dossiers/{id}/approve", new { expectedVersion = 3 });
        Assert.Equal("AwaitingFee", d.GetProperty("status").GetString());
        d = await desk1.PostOkAsync($"/api/v1/dossiers/{id}/issue-result", new { expectedVersion = 4 });
        Assert.Equal("ResultReady", d.GetProperty("status").GetString());
        d = await desk2.PostOkAsync($"/api/v1/dossiers/{id}/deliver", new { expectedVersion = 5 });
        Assert.Equal("Delivered", d.GetProperty("status").GetString());
        Assert.Equal(6, d.GetProperty("version").GetInt64());

        // Every node reads the same delivered dossier, and the stream holds each version once.
        foreach (var reader in new[] { desk0, desk1, desk2 })
        {
            var read = await (await reader.GetAsync(new Uri($"/api/v1/dossiers/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).ReadJsonAsync();
            Assert.Equal("Delivered", read.GetProperty("status").GetString());
            Assert.Equal(6, read.GetProperty("version").GetInt64());
        }

        var versions = await StreamVersionsAsync(id);
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6 }, versions);
    }

    [Fact]
    public async Task After_a_node_is_killed_without_shutdown_a_dossier_whose_grain_lived_there_is_served_by_another_node()
    {
        var n = Cluster.Nodes;
        var desks = await Task.WhenAll(n.Select((node, i) => Cluster.ClientAsync(node, $"desk-k{i}", [Roles.DeskOfficer], "STP")));

        // Dossiers taken in through every node until one's grain is found on a node other than the first (the one we keep).
        Guid id = default;
        ClusterNode? home = null;
        for (var attempt = 0; attempt < 30 && home is null; attempt++)
        {
            var d = await desks[attempt % 3].PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
            id = d.GetProperty("id").GetGuid();
            var placed = await Cluster.PlacementAsync(n[0], id);
            home = placed is not null && placed != n[0] ? placed : null;
        }

        Assert.NotNull(home);
        var survivor = n.First(x => x != home && x.IsRunning);
        var specialist = await Cluster.ClientAsync(survivor, "spec-k", [Roles.Specialist], "STP");

        home.Kill();
        var killedAt = Stopwatch.GetTimestamp();
        try
        {
            // The client follows the API's rules: the same action with the same expected version until it is answered.
            var (response, tries) = await ClusterRetry.UntilAnsweredAsync(
                () => specialist.PostAsJsonAsync($"/api/v1/dossiers/{id}/complete-step", new { expectedVersion = 2 }), RecoveryLimit, TimeSpan.FromMilliseconds(200));
            var recovery = Stopwatch.GetElapsedTime(killedAt);
            Assert.True(response is not null, $"No answer after {tries} tries ({recovery.TotalSeconds:0.0} s).");
            var json = await response.ReadJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"After {tries} tries ({recovery.TotalSeconds:0.0} s): {(int)response.StatusCode} {json}");
            Assert.Equal(3, json.GetProperty("version").GetInt64());
            TestContext.Current.SendDiagnosticMessage($"kill -9 of {home.Name}: answered through {survivor.Name} after {recovery.TotalSeconds:0.0} s and {tries} tries");
            var versions = await StreamVersionsAsync(id);
            Assert.Equal(new long[] { 1, 2, 3 }, versions);

            // The survivors declare the dead silo dead.
            await WaitUntilAsync(async () => (await Cluster.MembersAsync(survivor)).Any(m => m.Address.StartsWith(home.SiloEndpoint + "@", StringComparison.Ordinal) && m.Status == "Dead"));
        }
        finally
        {
            await home.StartAsync();
            await Cluster.WaitForActiveAsync(3, TimeSpan.FromSeconds(90));
        }
    }

    [Fact]
    public async Task A_node_stopped_with_SIGTERM_turns_unready_keeps_serving_while_it_drains_and_leaves_the_membership()
    {
        var n = Cluster.Nodes;
        var leaving = n[2];
        var desk = await Cluster.ClientAsync(leaving, "desk-t", [Roles.DeskOfficer], "STP");
        var deskElsewhere = await Cluster.ClientAsync(n[0], "desk-t0", [Roles.DeskOfficer], "STP");
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid());
        }

        leaving.Terminate();
        try
        {
            // Within the drain (Host:DrainSeconds, 5 s in a cluster) the node says "not ready" but still answers requests.
            await WaitUntilAsync(async () => await leaving.ReadyStatusAsync() == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(5));
            var during = await desk.GetAsync(new Uri($"/api/v1/dossiers/{ids[0]}", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, during.StatusCode);

            Assert.True(await leaving.WaitForExitAsync(TimeSpan.FromSeconds(60)), "The node did not exit within 60 s of SIGTERM:\n" + leaving.Tail());
            Assert.Equal(0, leaving.ExitCode);

            // It left the membership itself (no waiting for a failure detector), and its dossiers are served elsewhere.
            var members = await Cluster.MembersAsync(n[0]);
            Assert.Contains(members, m => m.Address.StartsWith(leaving.SiloEndpoint + "@", StringComparison.Ordinal) && m.Status == "Dead");
            foreach (var id in ids)
            {
                var read = await deskElsewhere.GetAsync(new Uri($"/api/v1/dossiers/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            }
        }
        finally
        {
            if (!leaving.IsRunning)
            {
                await leaving.StartAsync();
            }

            await Cluster.WaitForActiveAsync(3, TimeSpan.FromSeconds(90));
        }
    }

    private async Task<long[]> StreamVersionsAsync(Guid id)
    {
        await using var connection = new Npgsql.NpgsqlConnection(Cluster.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select version from egov.mt_events where stream_id = @id order by version", connection);
        cmd.Parameters.AddWithValue("id", id);
        var versions = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt64(0));
        }

        return [.. versions];
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? limit = null)
    {
        var until = Stopwatch.GetTimestamp() + (long)((limit ?? RecoveryLimit).TotalSeconds * Stopwatch.Frequency);
        while (!await condition())
        {
            Assert.True(Stopwatch.GetTimestamp() < until, "The condition did not hold in time.");
            await Task.Delay(250);
        }
    }
}
