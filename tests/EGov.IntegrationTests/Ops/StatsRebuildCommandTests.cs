using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.Ops;

/// <summary>Issue 17: <c>stats-rebuild</c> requests the rebuild that the node leading the projection runs, and follows it with a bar.</summary>
public sealed class StatsRebuildCommandTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_command_requests_the_rebuild_the_running_node_runs_and_shows_its_progress_to_the_end()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres);
        var desk = await host.ClientAsync("desk-ops", [Roles.DeskOfficer], "STP");
        for (var i = 0; i < 3; i++)
        {
            await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        }

        var run = await HostCommand.RunAsync(HostCommand.Production(host.ConnectionString), "stats-rebuild");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Rebuild requested", run.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\[#+\] 100 % done", run.Stdout);
        Assert.Contains("Done: ", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, await Database.CountAsync(host.ConnectionString, "select count(*) from egov.mt_doc_rebuildrecord where data->>'state' <> 'done'"));
    }

    [Fact]
    public async Task A_configuration_that_does_not_run_the_projection_is_told_where_to_go()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres);
        var settings = HostCommand.Production(host.ConnectionString);
        settings["Statistics__Daemon"] = "Disabled";

        var run = await HostCommand.RunAsync(settings, "stats-rebuild");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Statistics:Daemon=Disabled", run.Stderr, StringComparison.Ordinal);
    }
}
