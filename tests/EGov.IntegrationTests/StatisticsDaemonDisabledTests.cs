using System.Net;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Issue 13 point 9: a node started with <c>Statistics:Daemon=Disabled</c> (the projection runs on another node)
/// starts, is ready, answers the statistics, and refuses a rebuild with 409 <c>rebuild-elsewhere</c>.
/// </summary>
public sealed class StatisticsDaemonDisabledTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_node_without_the_projection_daemon_starts_answers_statistics_and_sends_rebuilds_elsewhere()
    {
        var ct = TestContext.Current.CancellationToken;
        // Development validates every service at build, as a host started by ./scripts/run.sh does: that is where the
        // missing daemon stopped the start (in other environments the rebuild endpoint answered 500 instead).
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
        {
            ["Statistics:Daemon"] = "Disabled",
            ["environment"] = "Development",
        });

        var ready = await host.Http.GetAsync("/health/ready", ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        var leader = await host.ClientAsync("leader-nodaemon", [Roles.Leader], "STP");
        var statistics = await leader.GetAsync("/api/v1/statistics", ct);
        Assert.True(statistics.IsSuccessStatusCode, $"statistics answered {(int)statistics.StatusCode}: {await statistics.Content.ReadAsStringAsync(ct)}");

        var admin = await host.ClientAsync("admin-nodaemon", [Roles.Admin]);
        var rebuild = await admin.PostAsync("/api/v1/statistics/rebuild", null, ct);
        Assert.Equal(HttpStatusCode.Conflict, rebuild.StatusCode);
        Assert.Equal("application/problem+json", rebuild.Content.Headers.ContentType?.MediaType);
        var problem = await rebuild.ReadJsonAsync();
        Assert.Equal(ProblemTypes.RebuildElsewhere, problem.GetProperty("type").GetString());
        Assert.Equal("rebuild-elsewhere", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/statistics/rebuild", ct)).StatusCode);
    }
}
