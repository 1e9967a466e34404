using System.Net.Http.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Weasel.Core;

namespace EGov.IntegrationTests.Cluster;

/// <summary>
/// Issue 15 point 1: silos form one cluster through the membership tables and stored queries of our own
/// migration (<c>Silo:Clustering=AdoNet</c>, docs/cluster.md), on a real PostgreSQL with real silos and HTTP.
/// </summary>
public sealed class ClusterMembershipTests(PlatformFixture platform)
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task The_migration_applied_again_changes_nothing_and_puts_back_a_changed_stored_query()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = platform.Host.Services.GetRequiredService<IDocumentStore>();
        var cs = platform.Host.ConnectionString;
        var original = await QueryTextAsync(cs, "UpdateMembershipKey");
        Assert.Contains("membership_version", original, StringComparison.Ordinal);

        // Applied at start (Testing); applied once more: no difference left, no statement rewritten.
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var stamps = await RowStampsAsync(cs);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        Assert.Equal(SchemaPatchDifference.None, await ClusterSchemaDifferenceAsync(store, ct));
        Assert.Equal(stamps, await RowStampsAsync(cs));
        Assert.Equal(10, await Database.CountAsync(cs, "select count(*) from orleans.orleansquery"));

        // Someone edits a statement (or an older release wrote another text): the migration sees it and puts it back.
        await ExecuteAsync(cs, "update orleans.orleansquery set querytext = 'SELECT false' where querykey = 'UpdateMembershipKey'");
        Assert.Equal(SchemaPatchDifference.Update, await ClusterSchemaDifferenceAsync(store, ct));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        Assert.Equal(original, await QueryTextAsync(cs, "UpdateMembershipKey"));
        Assert.Equal(SchemaPatchDifference.None, await ClusterSchemaDifferenceAsync(store, ct));

        // A missing statement too.
        await ExecuteAsync(cs, "delete from orleans.orleansquery where querykey = 'GatewaysQueryKey'");
        Assert.Equal(SchemaPatchDifference.Update, await ClusterSchemaDifferenceAsync(store, ct));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        Assert.Equal(10, await Database.CountAsync(cs, "select count(*) from orleans.orleansquery"));
    }

    [Fact]
    public async Task Two_hosts_form_one_cluster_and_a_dossier_has_one_activation_whichever_host_is_asked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await ClusterHosts.StartAsync(platform.Postgres, 2);
        var (a, b) = (cluster.Hosts[0], cluster.Hosts[1]);

        // Each silo sees both, Active, and the table says the same.
        foreach (var host in cluster.Hosts)
        {
            var seen = await WaitForAsync(() => ClusterHosts.MembersSeenByAsync(host, onlyActive: true), m => m.Count == 2, ct);
            Assert.All(seen.Values, s => Assert.Equal(SiloStatus.Active, s));
        }

        Assert.Equal(2, await Database.CountAsync(cluster.ConnectionString,
            $"select count(*) from orleans.membership where cluster_id = '{cluster.ClusterId}' and status = {Active}"));

        // Actions on one dossier alternate between the hosts, each with the version the previous one answered: with
        // one activation in the cluster every one succeeds (a second, stale activation answers 409 stale-version).
        var desk = await a.ClientAsync("desk-cluster", [Roles.DeskOfficer], "STP");
        var leaders = new[] { await a.ClientAsync("lead-cluster-a", [Roles.Leader], "STP"), await b.ClientAsync("lead-cluster-b", [Roles.Leader], "STP") };
        var intake = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var (id, version) = (intake.GetProperty("id").GetGuid(), intake.GetProperty("version").GetInt64());
        for (var i = 0; i < 4; i++)
        {
            var response = await leaders[i % 2].PostAsJsonAsync($"/api/v1/dossiers/{id}/extend",
                new { workingDays = 1, reason = $"Gia hạn lần {i + 1}", expectedVersion = version }, ct);
            var json = await response.ReadJsonAsync();
            Assert.True(response.IsSuccessStatusCode, $"action {i + 1} through host {"AB"[i % 2]} at version {version} answered {(int)response.StatusCode}: {json}");
            Assert.Equal(version + 1, json.GetProperty("version").GetInt64());
            version++;
        }
    }

    [Fact]
    public async Task A_stopped_silo_is_marked_dead_and_the_cleanup_removes_only_old_dead_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await ClusterHosts.StartAsync(platform.Postgres, 2);
        var (a, b) = (cluster.Hosts[0], cluster.Hosts[1]);
        await WaitForAsync(() => ClusterHosts.MembersSeenByAsync(a, onlyActive: true), m => m.Count == 2, ct);
        var bAddress = Assert.Single((await ClusterHosts.MembersSeenByAsync(b, onlyActive: true)).Keys, s => s.Endpoint.Port != Port(a));

        await cluster.StopAsync(b);

        // The leaving silo wrote itself Dead; the survivor sees it so and carries on alone.
        var where = $"cluster_id = '{cluster.ClusterId}' and port = {bAddress.Endpoint.Port} and generation = {bAddress.Generation}";
        Assert.Equal(Dead, await Database.CountAsync(cluster.ConnectionString, $"select status from orleans.membership where {where}"));
        var seen = await WaitForAsync(() => ClusterHosts.MembersSeenByAsync(a, onlyActive: false), m => m.GetValueOrDefault(bAddress) == SiloStatus.Dead, ct);
        Assert.Equal(SiloStatus.Active, Assert.Single(seen, m => m.Value != SiloStatus.Dead).Value);

        // Cleanup, through the provider Orleans runs (the per-row statement): a dead row younger than the cut-off
        // stays, one older goes, and the live silo's row is never touched.
        var table = a.Services.GetRequiredService<IMembershipTable>();
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1), ct);
        Assert.Equal(2, await Database.CountAsync(cluster.ConnectionString, $"select count(*) from orleans.membership where cluster_id = '{cluster.ClusterId}'"));

        await ExecuteAsync(cluster.ConnectionString,
            $"update orleans.membership set start_time = now() - interval '3 days', i_am_alive_time = now() - interval '3 days', suspect_times = null where {where}");
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1), ct);
        Assert.Equal(0, await Database.CountAsync(cluster.ConnectionString, $"select count(*) from orleans.membership where {where}"));
        Assert.Equal(1, await Database.CountAsync(cluster.ConnectionString,
            $"select count(*) from orleans.membership where cluster_id = '{cluster.ClusterId}' and status = {Active}"));
    }

    [Fact]
    public async Task A_node_restarted_on_its_address_supersedes_its_crashed_incarnation_as_it_joins()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await ClusterHosts.StartAsync(platform.Postgres, 1);
        var first = cluster.Hosts[0];
        var old = first.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        await cluster.StopAsync(first);

        // As if it had been killed: its row still says Active, no one voted.
        var where = $"cluster_id = '{cluster.ClusterId}' and port = {old.Endpoint.Port} and generation = {old.Generation}";
        await ExecuteAsync(cluster.ConnectionString, $"update orleans.membership set status = {Active}, suspect_times = null where {where}");

        var restarted = await cluster.StartAnotherAsync(siloPort: old.Endpoint.Port);
        var now = restarted.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

        // The new incarnation declared the old one dead itself while joining (its vote is in the row), and is alone.
        Assert.True(now.Generation > old.Generation);
        Assert.Equal(Dead, await Database.CountAsync(cluster.ConnectionString, $"select status from orleans.membership where {where}"));
        Assert.Equal(1, await Database.CountAsync(cluster.ConnectionString,
            $"select count(*) from orleans.membership where {where} and suspect_times like '%@{now.Generation},%'"));
        var seen = await WaitForAsync(() => ClusterHosts.MembersSeenByAsync(restarted, onlyActive: true), m => m.Count == 1, ct);
        Assert.Equal(now, Assert.Single(seen).Key);
    }

    [Fact]
    public async Task The_bulk_cleanup_statement_removes_dead_rows_older_than_the_cut_off_and_nothing_else()
    {
        // The provider prefers the per-row statement; the bulk one is its fallback and an operator's tool, so it is
        // run here exactly as the provider would bind it.
        var cs = platform.Host.ConnectionString;
        var clusterId = $"bulk-{Guid.NewGuid():N}";
        await ExecuteAsync(cs,
            $"""
             insert into orleans.membership_version (cluster_id) values ('{clusterId}');
             insert into orleans.membership (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time) values
               ('{clusterId}', '10.0.0.1', 11111, 1, 'old-dead', 'h', {Dead}, 0, now() - interval '3 days', now() - interval '3 days'),
               ('{clusterId}', '10.0.0.1', 11111, 2, 'new-dead', 'h', {Dead}, 0, now() - interval '3 days', now()),
               ('{clusterId}', '10.0.0.2', 11111, 1, 'old-active', 'h', {Active}, 0, now() - interval '3 days', now() - interval '3 days');
             """);
        var text = await QueryTextAsync(cs, "CleanupDefunctSiloEntriesKey");
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = new NpgsqlCommand(text, conn);
            cmd.Parameters.AddWithValue("DeploymentId", clusterId);
            cmd.Parameters.AddWithValue("IAmAliveTime", DateTime.UtcNow.AddDays(-1));
            await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(["new-dead", "old-active"], await SiloNamesAsync(cs, clusterId));
    }

    /// <summary>What a migration would do to the orleans schema (other areas' objects are theirs to test).</summary>
    private static async Task<SchemaPatchDifference> ClusterSchemaDifferenceAsync(IDocumentStore store, CancellationToken ct)
    {
        var migration = await store.Storage.Database.CreateMigrationAsync(ct);
        var ours = migration.Deltas.Where(d => d.SchemaObject.Identifier.Schema == "orleans").ToList();
        Assert.Equal(3, ours.Count);
        return ours.Min(d => d.Difference);
    }

    private static int Port(TestHost host) => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.Endpoint.Port;

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, CancellationToken ct)
    {
        // Membership changes travel by gossip within milliseconds; the bound is generous for a loaded machine.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(200, ct);
        }
    }

    private static async Task<string> QueryTextAsync(string cs, string key)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select querytext from orleans.orleansquery where querykey = $1", conn);
        cmd.Parameters.AddWithValue(key);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Each stored statement's row version (xmin): an upsert that rewrote a row would change it.</summary>
    private static async Task<List<string>> RowStampsAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select querykey || ':' || xmin::text from orleans.orleansquery order by querykey", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var stamps = new List<string>();
        while (await reader.ReadAsync())
        {
            stamps.Add(reader.GetString(0));
        }

        return stamps;
    }

    private static async Task<List<string>> SiloNamesAsync(string cs, string clusterId)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select silo_name from orleans.membership where cluster_id = $1 order by silo_name", conn);
        cmd.Parameters.AddWithValue(clusterId);
        await using var reader = await cmd.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task ExecuteAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
