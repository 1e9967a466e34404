using System.Net;
using EGov.IntegrationTests.Infrastructure;
using EGov.IntegrationTests.Statistics;
using EGov.Kernel;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.IntegrationTests.MultiNode;

/// <summary>
/// Issue 15: the statistics projection runs on one node (HotCold: one leader by advisory lock); a rebuild started on any
/// node is the only one in the cluster and its progress reads the same everywhere; the live stream works on a node
/// that does not project; the survivor takes the projection over when the leader stops.
/// </summary>
public sealed class StatisticsClusterTests(PlatformFixture platform)
{
    [Fact]
    public async Task Rebuilds_requested_on_two_nodes_at_once_run_once_and_both_nodes_report_the_same_progress()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var a = await TestHost.StartAsync(platform.Postgres);
        await using var b = await Nodes.JoinAsync(platform.Postgres, a);
        var desk = await a.ClientAsync("desk-rbc", [Roles.DeskOfficer], "XA-PHUNHUAN");
        for (var i = 0; i < 5; i++)
        {
            await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TC-HKD-02"));
        }

        var adminA = await a.ClientAsync("admin-rbc", [Roles.Admin]);
        var adminB = await b.ClientAsync("admin-rbc", [Roles.Admin]);
        await StatisticsApiTests.Caught(a, adminA);

        var answers = await Task.WhenAll(adminA.PostAsync("/api/v1/statistics/rebuild", null, ct), adminB.PostAsync("/api/v1/statistics/rebuild", null, ct));
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Accepted);
        var refused = Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("rebuild-running", (await refused.ReadJsonAsync()).GetProperty("code").GetString());

        // Whichever node leads the projection runs it; both read the one record.
        await DeadlineWarningTests.Eventually(async () =>
            (await (await adminB.GetAsync("/api/v1/statistics/rebuild", ct)).ReadJsonAsync()).GetProperty("phase").GetString() == "done", seconds: 60);
        var onA = await (await adminA.GetAsync("/api/v1/statistics/rebuild", ct)).ReadJsonAsync();
        var onB = await (await adminB.GetAsync("/api/v1/statistics/rebuild", ct)).ReadJsonAsync();
        Assert.Equal(onA.GetProperty("startedAt").GetString(), onB.GetProperty("startedAt").GetString());
        Assert.False(onB.GetProperty("running").GetBoolean());
        Assert.True(onB.GetProperty("total").GetInt64() >= 5);
        Assert.Equal(onB.GetProperty("total").GetInt64(), onB.GetProperty("processed").GetInt64());
        Assert.Single(new[] { a, b }, h => h.Logs.Lines.Any(l => l.Contains("Statistics rebuild finished", StringComparison.Ordinal)));

        // The projection was paused where it runs and resumes there: what comes after is counted again.
        var before = StatisticsApiTests.Direct((await (await adminB.GetAsync("/api/v1/statistics?unit=XA-PHUNHUAN", ct)).ReadJsonAsync()).GetProperty("units")[0]);
        await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TC-HKD-02"));
        await DeadlineWarningTests.Eventually(async () =>
            StatisticsApiTests.Direct((await (await adminB.GetAsync("/api/v1/statistics?unit=XA-PHUNHUAN", ct)).ReadJsonAsync()).GetProperty("units")[0]) > before, seconds: 30);

        // Once it is done, the next pair of requests replaces the stored record: again exactly one wins.
        answers = await Task.WhenAll(adminB.PostAsync("/api/v1/statistics/rebuild", null, ct), adminA.PostAsync("/api/v1/statistics/rebuild", null, ct));
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Conflict);
        await DeadlineWarningTests.Eventually(async () =>
            (await (await adminA.GetAsync("/api/v1/statistics/rebuild", ct)).ReadJsonAsync()).GetProperty("phase").GetString() == "done", seconds: 60);
    }

    [Fact]
    public async Task The_stream_works_on_the_node_that_does_not_project_and_the_survivor_takes_the_projection_over()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await TestHost.StartAsync(platform.Postgres);
        var b = await Nodes.JoinAsync(platform.Postgres, a);
        TestHost? leader = null;
        try
        {
            await DeadlineWarningTests.Eventually(() =>
            {
                leader = new[] { a, b }.FirstOrDefault(Projects);
                return Task.FromResult(leader is not null);
            }, seconds: 30);
            var follower = leader == a ? b : a;
            Assert.False(Projects(follower));

            var desk = await follower.ClientAsync("desk-sse2", [Roles.DeskOfficer], "SXD");
            var chief = await follower.ClientAsync("lead-sse2", [Roles.Leader], "SXD");
            using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/statistics/stream"))
            using (var response = await chief.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct))
            {
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                using var reader = new StreamReader(body);
                var direct = StatisticsApiTests.Direct((await StatisticsApiTests.NextReport(reader, ct)).GetProperty("units")[0]);
                await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("XD-CCHN-01"));
                while (StatisticsApiTests.Direct((await StatisticsApiTests.NextReport(reader, ct)).GetProperty("units")[0]) != direct + 1)
                {
                }
            }

            // The leader stops; the survivor's coordinator takes the lock and counts what comes next.
            await leader!.DisposeAsync();
            await DeadlineWarningTests.Eventually(() => Task.FromResult(Projects(follower)), seconds: 60);
            var counted = StatisticsApiTests.Direct((await (await chief.GetAsync("/api/v1/statistics", ct)).ReadJsonAsync()).GetProperty("units")[0]);
            await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("XD-CCHN-01"));
            await DeadlineWarningTests.Eventually(async () =>
                StatisticsApiTests.Direct((await (await chief.GetAsync("/api/v1/statistics", ct)).ReadJsonAsync()).GetProperty("units")[0]) == counted + 1, seconds: 30);
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }

    private static bool Projects(TestHost host) => host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase().IsRunning;
}
