using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests.Ops;

/// <summary>Issue 17: <c>seed-demo</c> seeds an empty store; outside Development only when told <c>--allow-production</c>.</summary>
public sealed class SeedDemoCommandTests(PlatformFixture platform)
{
    [Fact]
    public async Task Production_refuses_without_the_flag_and_seeds_once_with_it()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres);
        var settings = HostCommand.Production(host.ConnectionString);

        var refused = await HostCommand.RunAsync(settings, "seed-demo");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("--allow-production", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await Dossiers(host));

        var seeded = await HostCommand.RunAsync(settings, "seed-demo", "--allow-production");
        Assert.True(seeded.ExitCode == 0, seeded.ToString());
        Assert.Matches(@"Imported [1-9]\d* demo dossiers", seeded.Stdout);
        var count = await Dossiers(host);
        Assert.True(count > 0);

        var again = await HostCommand.RunAsync(settings, "seed-demo", "--allow-production");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("already holds dossiers", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(count, await Dossiers(host));
    }

    private static Task<long> Dossiers(TestHost host) => Database.CountAsync(host.ConnectionString, "select count(*) from egov.mt_doc_dossierstate");
}
