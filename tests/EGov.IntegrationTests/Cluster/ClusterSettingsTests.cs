using EGov.IntegrationTests.Infrastructure;
using Npgsql;

namespace EGov.IntegrationTests.Cluster;

/// <summary>
/// Issue 15 point 1: a wrong cluster setting stops the host at start with a message naming the setting (never a
/// silo that limps into the first grain call), and an AdoNet host on a database without the membership schema
/// says to run db-apply.
/// </summary>
public sealed class ClusterSettingsTests(PlatformFixture platform)
{
    public static TheoryData<string, string, string, string> BadSettings => new()
    {
        { "Silo:Clustering", "Kubernetes", "Silo:Membership:ProbeTimeoutSeconds", "2" },
        { "Silo:Clustering", "1", "Silo:Membership:ProbeTimeoutSeconds", "2" },
        { "Silo:Clustering", "AdoNet", "Silo:AdvertisedAddress", "" },
        { "Silo:AdvertisedAddress", "10.1", "Silo:Clustering", "AdoNet" },
        { "Silo:AdvertisedAddress", "0.0.0.0", "Silo:Clustering", "AdoNet" },
        { "Silo:AdvertisedAddress", "node-1", "Silo:Clustering", "AdoNet" },
        { "Silo:Port", "70000", "Silo:Clustering", "Localhost" },
        { "Silo:Membership:ProbeTimeoutSeconds", "0", "Silo:Clustering", "AdoNet" },
        { "Silo:Membership:MissedProbesLimit", "2.5", "Silo:Clustering", "AdoNet" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_cluster_setting_stops_the_host_at_start_naming_it(string key, string value, string otherKey, string otherValue)
    {
        var settings = new Dictionary<string, string?>
        {
            [key] = value,
            [otherKey] = otherValue,
            ["Silo:AdvertisedAddress"] = key == "Silo:AdvertisedAddress" || otherKey == "Silo:AdvertisedAddress" ? (key == "Silo:AdvertisedAddress" ? value : otherValue) : "127.0.0.1",
        };

        var e = await Assert.ThrowsAnyAsync<Exception>(() => TestHost.StartAsync(platform.Postgres, settings));
        var messages = string.Join(" | ", Chain(e).Select(x => x.Message));
        var named = key == "Silo:Clustering" && value == "AdoNet" ? "Silo:AdvertisedAddress" : key;
        Assert.Contains(named, messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_AdoNet_host_on_a_database_without_the_membership_schema_stops_and_says_to_run_db_apply()
    {
        // Production applies no schema by itself. A database that has the rest of the platform's schema but not the
        // membership one stands for a release upgraded without db-apply.
        var cs = await platform.Postgres.CreateDatabaseAsync();
        await (await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["ConnectionStrings:egov"] = cs })).DisposeAsync();
        await using (var conn = new NpgsqlConnection(cs))
        {
            await conn.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = new NpgsqlCommand("drop schema orleans cascade", conn);
            await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        // As an operator starts it (a child process: the test host cannot leave the Testing environment, which
        // applies the schema itself).
        var settings = HostCommand.Production(cs);
        settings["Silo__Clustering"] = "AdoNet";
        settings["Silo__AdvertisedAddress"] = "127.0.0.1";
        var run = await HostCommand.RunAsync(settings);
        var output = run.Output;
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("db-apply", output, StringComparison.Ordinal);
        Assert.Contains("orleans", output, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }
}
