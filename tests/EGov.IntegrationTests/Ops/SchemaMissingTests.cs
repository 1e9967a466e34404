using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests.Ops;

/// <summary>
/// Issue 17: a production start on a database nobody ran <c>db-apply</c> on used to exit with
/// <c>42P01: relation "egov.mt_doc_storedcalendaryear" does not exist</c>. It stops with the advice instead, the
/// <c>health</c> command says the same, and after <c>db-apply</c> both are satisfied.
/// </summary>
public sealed class SchemaMissingTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_production_start_on_an_empty_database_stops_and_says_to_run_db_apply()
    {
        var empty = await platform.Postgres.CreateDatabaseAsync();

        var run = await HostCommand.RunAsync(HostCommand.Production(empty));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("db-apply", run.Output, StringComparison.Ordinal);
        Assert.Contains("egov.mt_doc_storedcalendaryear", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("42P01", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_command_is_unhealthy_until_db_apply_and_healthy_after()
    {
        var settings = HostCommand.Production(await platform.Postgres.CreateDatabaseAsync());

        var before = await HostCommand.RunAsync(settings, "health");
        Assert.True(before.ExitCode == 1, before.ToString());
        Assert.Matches(@"postgres\s+Unhealthy", before.Stdout);
        Assert.Contains("db-apply", before.Stdout, StringComparison.Ordinal);

        var apply = await HostCommand.RunAsync(settings, "db-apply");
        Assert.True(apply.ExitCode == 0, apply.ToString());

        var after = await HostCommand.RunAsync(settings, "health");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Matches(@"postgres\s+Healthy", after.Stdout);
        Assert.Matches(@"modules\s+Healthy", after.Stdout);
        Assert.Matches(@"postgres\s+Healthy\s+\d+\.\d ms", after.Stdout);

        var json = await HostCommand.RunAsync(settings, "health", "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Contains("\"status\": \"Healthy\"", json.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"postgres\"", json.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"durationMs\":", json.Stdout, StringComparison.Ordinal);
    }
}
