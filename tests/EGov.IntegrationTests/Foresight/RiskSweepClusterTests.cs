using System.Net.Http.Json;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Sweeps;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EGov.IntegrationTests.Foresight;

/// <summary>
/// The risk sweep in a three-silo cluster on one PostgreSQL (docs/foresight.md, "Where the risk lives, and the
/// sweep"): a calendar change's request is swept once however many nodes take their turn, the at-risk flag is
/// recorded once however many sweeps see the dossier, and a node that dies holding the sweep's lock leaves the
/// request to the next node, which completes it. Each turn is run by the test (the background turn is an hour away),
/// so which node does what is decided by the lock alone.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class RiskSweepClusterTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_calendar_change_is_swept_once_in_the_cluster_and_each_at_risk_dossier_is_flagged_once_though_three_sweeps_see_it()
    {
        var travel = new TimeTravel(ForesightSupport.Start);
        await using var cluster = await SweepCluster.StartAsync(platform.Postgres, travel.Clock);
        var (a, b) = (cluster.Hosts[0], cluster.Hosts[1]);
        var open = await cluster.IntakeAsync(5);
        var withdrawn = open[^1];
        open.RemoveAt(open.Count - 1);
        Assert.True((await a.SweepOnceAsync()).Full); // the first turn in a new database sweeps everything
        var desk = await b.ClientAsync("rsc-desk-w", [Roles.DeskOfficer], "STP");
        await desk.PostOkAsync($"/api/v1/dossiers/{withdrawn}/withdraw", new { reason = "Công dân rút hồ sơ / The applicant withdrew" });

        // Eight working days on, every open one is late in its first step; then Friday 12 March becomes a holiday, on
        // node b: the two working days left now end a day later (the office time left is kept: docs/deadlines.md), and a
        // full sweep is requested for the next turn, wherever it runs.
        await travel.ToAsync(cluster.ConnectionString, ForesightSupport.Late);
        var dueBefore = await DueAtAsync(a, open);
        var changedAt = travel.Now;
        var admin = await b.ClientAsync("rsc-admin", [Roles.Admin]);
        (await admin.PutAsJsonAsync("/api/v1/calendar/2027", new { holidays = new[] { "2027-03-12" }, workingDays = Array.Empty<string>() }, TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode();
        var requested = await Polls.UntilAsync(() => InstantAsync(cluster.ConnectionString, RiskSweepState.Requested), at => at >= changedAt, Patience);
        Assert.True(requested >= changedAt, $"no sweep request recorded after the calendar change (last: {requested:O})");

        // The grains lay their deadlines again from the same change, each on its own message: the sweep is run once they
        // have, so that the rows it writes can be checked against the moved deadlines below.
        var moved = await Polls.UntilAsync(() => DueAtAsync(a, open), d => open.All(id => d[id] > dueBefore[id]), Patience);
        Assert.True(open.All(id => moved[id] > dueBefore[id]), "the calendar change did not move every deadline");

        // All three take their turn at once, then each once more: one turn in the cluster is the full sweep.
        var together = await Task.WhenAll(cluster.Hosts.Select(h => h.Sweep().RunOnceAsync(TestContext.Current.CancellationToken)));
        var after = new List<RiskSweepResult>();
        foreach (var host in cluster.Hosts)
        {
            after.Add(Assert.IsType<RiskSweepResult>(await host.Sweep().RunOnceAsync(TestContext.Current.CancellationToken)));
        }

        var full = Assert.Single(together.OfType<RiskSweepResult>().Concat(after), r => r.Full);
        var sweeper = Array.FindIndex(together, r => r is { Full: true });
        Assert.True(sweeper >= 0, "the full sweep was not one of the turns taken together");
        Assert.Equal(open.Count, full.Written);
        Assert.Equal(1, full.Deleted); // the withdrawn dossier's row
        Assert.Equal(open.Count, full.Raised);
        Assert.True(await InstantAsync(cluster.ConnectionString, RiskSweepState.Full) >= requested);

        // The table: one row per open dossier with a deadline, on the moved deadlines; each dossier flagged once.
        var rows = await ForesightSupport.RowsAsync(cluster.ConnectionString);
        Assert.Equal(open.Order(), rows.Keys.Order());
        var dueNow = await DueAtAsync(a, open);
        foreach (var id in open)
        {
            Assert.True(dueNow[id] > dueBefore[id], $"{id}: the deadline did not move later ({dueBefore[id]:O} -> {dueNow[id]:O})");
            Assert.InRange((dueNow[id] - rows[id].DueAt!.Value).Duration(), TimeSpan.Zero, TimeSpan.FromTicks(9)); // stored to the microsecond
            Assert.Equal(1, await ForesightSupport.FlagsAsync(cluster.ConnectionString, id));
        }

        // Two more full sweeps, on the two nodes that did not run the first: both see every at-risk dossier, neither flags again.
        foreach (var host in cluster.Hosts.Where((_, i) => i != sweeper))
        {
            await RiskSweepState.RequestFullAsync(host.Services.GetRequiredService<IDocumentStore>(), travel.Now, TestContext.Current.CancellationToken);
            var again = Assert.IsType<RiskSweepResult>(await host.Sweep().RunOnceAsync(TestContext.Current.CancellationToken));
            Assert.True(again.Full);
            Assert.Equal(open.Count, again.Read);
            Assert.Equal(0, again.Raised);
        }

        // Their rows now carry the flag the first one's grains recorded (its own rows were written before it asked them).
        rows = await ForesightSupport.RowsAsync(cluster.ConnectionString);
        foreach (var id in open)
        {
            Assert.True(rows[id].AtRisk, $"{id}: the row does not show the flag");
            Assert.Equal(1, await ForesightSupport.FlagsAsync(cluster.ConnectionString, id));
        }
    }

    [Fact]
    public async Task When_the_node_holding_the_sweep_lock_dies_mid_sweep_another_node_completes_the_requested_full_sweep()
    {
        var travel = new TimeTravel(ForesightSupport.Start);
        await using var cluster = await SweepCluster.StartAsync(platform.Postgres, travel.Clock);
        var (a, b, c) = (cluster.Hosts[0], cluster.Hosts[1], cluster.Hosts[2]);
        var open = await cluster.IntakeAsync(4);
        Assert.True((await b.SweepOnceAsync()).Full);
        await RiskSweepState.RequestFullAsync(a.Services.GetRequiredService<IDocumentStore>(), travel.Now, TestContext.Current.CancellationToken);
        var requested = await InstantAsync(cluster.ConnectionString, RiskSweepState.Requested);

        // The test holds the risk table, so a's full sweep stops at its first write with the sweep's lock taken:
        // the moment a dies is chosen, not raced. Readers of the table (the watch list) are not blocked by this mode.
        await using var blocker = new NpgsqlConnection(cluster.ConnectionString);
        await blocker.OpenAsync(TestContext.Current.CancellationToken);
        await using var hold = await blocker.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE egov.dossier_risk IN EXCLUSIVE MODE", blocker, hold))
        {
            await lockTable.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var dying = a.Sweep().RunOnceAsync(CancellationToken.None);
        var holder = await Polls.UntilAsync(() => StuckLockHolderAsync(blocker), pid => pid is not null, Patience);
        Assert.True(holder is not null, "a's turn did not take the sweep lock and reach the table");
        Assert.Null(await b.Sweep().RunOnceAsync(TestContext.Current.CancellationToken)); // the lock is a's: the others skip
        Assert.Null(await c.Sweep().RunOnceAsync(TestContext.Current.CancellationToken));

        // a dies: its host goes, and its session with PostgreSQL is cut, as a lost process's socket is; the lock and
        // the uncommitted page go with the session. (The session is ended by the server here: a backend waiting for a
        // table lock would otherwise only notice its dead client once the lock is granted.)
        await using (var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({holder})", blocker, hold))
        {
            Assert.True(await kill.ExecuteScalarAsync(TestContext.Current.CancellationToken) is true, $"backend {holder} was not there to end");
        }

        await Assert.ThrowsAnyAsync<Exception>(() => dying);
        await cluster.StopAsync(a);
        await hold.CommitAsync(TestContext.Current.CancellationToken);
        Assert.True(await InstantAsync(cluster.ConnectionString, RiskSweepState.Full) < requested, "the dead node's turn must not have marked the sweep done");

        // The next turn, on b, is the full sweep the request asked for; c's after it is a change scan.
        var completed = Assert.IsType<RiskSweepResult>(await b.Sweep().RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.True(completed.Full);
        Assert.Equal(open.Count, completed.Written);
        var fullMark = await InstantAsync(cluster.ConnectionString, RiskSweepState.Full);
        Assert.True(fullMark >= requested, $"full mark {fullMark:O} is before the request {requested:O}");
        var rows = await ForesightSupport.RowsAsync(cluster.ConnectionString);
        Assert.Equal(open.Order(), rows.Keys.Order());
        Assert.All(rows.Values, r => Assert.Equal(fullMark, r.ComputedAt)); // every row written by b's full sweep
        Assert.False(Assert.IsType<RiskSweepResult>(await c.Sweep().RunOnceAsync(TestContext.Current.CancellationToken)).Full);
    }

    /// <summary>The backend that holds the sweep's advisory lock while it waits for another lock; null when none does.</summary>
    private static async Task<int?> StuckLockHolderAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT l.pid FROM pg_locks l
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = $1 AND l.objid::bigint = $2 AND l.objsubid = 1
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND EXISTS (SELECT 1 FROM pg_locks w WHERE w.pid = l.pid AND NOT w.granted)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = RiskSweep.LockKey >>> 32 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = RiskSweep.LockKey & 0xffff_ffff });
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) is int pid ? pid : null;
    }

    private static async Task<DateTimeOffset> InstantAsync(string connectionString, string name)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return (await RiskSweepState.ReadAsync(connection, TestContext.Current.CancellationToken)).GetValueOrDefault(name, DateTimeOffset.MinValue);
    }

    private static async Task<Dictionary<Guid, DateTimeOffset>> DueAtAsync(TestHost host, IEnumerable<Guid> ids)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var due = new Dictionary<Guid, DateTimeOffset>();
        foreach (var id in ids)
        {
            var state = await session.LoadAsync<DossierState>(id, TestContext.Current.CancellationToken);
            due[id] = state!.DueAt!.Value;
        }

        return due;
    }

    /// <summary>
    /// Three in-process hosts forming one silo cluster through the membership table (as <see cref="ClusterHosts"/>),
    /// on one moved clock, each with the sweep's background turn an hour away.
    /// </summary>
    private sealed class SweepCluster : IAsyncDisposable
    {
        private readonly List<TestHost> _hosts = [];

        private SweepCluster(string connectionString) => ConnectionString = connectionString;

        public string ConnectionString { get; }

        public IReadOnlyList<TestHost> Hosts => _hosts;

        public static async Task<SweepCluster> StartAsync(PostgresServer postgres, PlatformClock clock)
        {
            var cluster = new SweepCluster(await postgres.CreateDatabaseAsync());
            var settings = ForesightSupport.Manual();
            settings["ConnectionStrings:egov"] = cluster.ConnectionString;
            settings["Silo:Clustering"] = "AdoNet";
            settings["Silo:AdvertisedAddress"] = "127.0.0.1";
            settings["Silo:ClusterId"] = $"test-{Guid.NewGuid():N}";
            try
            {
                // One after the other: the first creates the schema, each later one joins a cluster that exists.
                for (var i = 0; i < 3; i++)
                {
                    cluster._hosts.Add(await TestHost.StartAsync(postgres, settings, clock));
                }

                foreach (var host in cluster._hosts)
                {
                    var seen = await Polls.UntilAsync(async () => (await ClusterHosts.MembersSeenByAsync(host, onlyActive: true)).Count, 3, Patience.TotalSeconds);
                    Assert.Equal(3, seen);
                }
            }
            catch
            {
                await cluster.DisposeAsync();
                throw;
            }

            return cluster;
        }

        /// <summary>Desk intakes, each through the next node.</summary>
        public async Task<List<Guid>> IntakeAsync(int count)
        {
            var desks = await Task.WhenAll(_hosts.Select((h, i) => h.ClientAsync($"rsc-desk-{i}", [Roles.DeskOfficer], "STP")));
            var ids = new List<Guid>();
            for (var i = 0; i < count; i++)
            {
                ids.Add((await desks[i % desks.Length].PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid());
            }

            return ids;
        }

        public async Task StopAsync(TestHost host)
        {
            _hosts.Remove(host);
            await host.DisposeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            for (var i = _hosts.Count - 1; i >= 0; i--)
            {
                await _hosts[i].DisposeAsync();
            }

            _hosts.Clear();
        }
    }
}
