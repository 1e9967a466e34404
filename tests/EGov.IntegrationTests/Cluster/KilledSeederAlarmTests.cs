using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests.Cluster;

/// <summary>
/// Issue 15, point 2: deadline alarms set by a node that then dies still fire, once. A two-node cluster starts with
/// the demo data on: the first node imports a few hundred dossiers, many of them long overdue, whose alarms come due
/// at once and are claimed and handled while it is still importing. It is killed with SIGKILL in the middle of that;
/// every alarm it had written, or claimed and not finished, must still be raised by the survivor, and none twice.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class KilledSeederAlarmTests(PlatformFixture platform)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task Alarms_written_or_claimed_by_a_node_killed_mid_work_are_raised_once_by_the_survivor()
    {
        await using var cluster = await NodeCluster.StartAsync(platform.Postgres, 1, new Dictionary<string, string> { ["Demo__Seed"] = "true" });
        var doomed = cluster.Nodes[0];
        await WaitUntilAsync(cluster.ConnectionString, "select count(*) from egov.mt_doc_dossierstate", n => n >= 20);

        // The survivor joins while the first node is busy importing and raising alarms; then the first node dies.
        var survivor = await cluster.AddNodeAsync();
        doomed.Kill();

        // Every open dossier whose clock ran out at least a minute ago is flagged overdue: its alarm was raised.
        await WaitUntilAsync(cluster.ConnectionString, Unflagged, n => n == 0);
        Assert.True(survivor.IsRunning, survivor.Tail());
        Assert.True(await CountAsync(cluster.ConnectionString, "select count(*) from egov.mt_doc_dossierstate where (data->>'overdue')::boolean") > 0,
            "The demo data should hold overdue dossiers.");

        // And none twice: one DeadlineMissed per dossier, scope and due instant.
        Assert.Equal(0, await CountAsync(cluster.ConnectionString, """
            select count(*) from (
              select stream_id from egov.mt_events where type = 'deadline_missed'
              group by stream_id, data->>'scope', data->>'dueAt' having count(*) > 1) twice
            """));
    }

    private const string Unflagged = """
        select count(*) from egov.mt_doc_dossierstate
        where (data->>'isOpen')::boolean and data->>'resolvedAt' is null and not (data->>'clockStopped')::boolean
          and (data->>'dueAt')::timestamptz < now() - interval '1 minute' and not (data->>'overdue')::boolean
        """;

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new Npgsql.NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task WaitUntilAsync(string connectionString, string sql, Func<long, bool> done)
    {
        var until = DateTime.UtcNow + Limit;
        long seen;
        while (!done(seen = await CountAsync(connectionString, sql)))
        {
            Assert.True(DateTime.UtcNow < until, $"Still {seen} after {Limit.TotalSeconds:0} s: {sql}");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }
}
