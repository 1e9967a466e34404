using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests.MultiNode;

/// <summary>Issue 15: demo data is seeded once per database, however many nodes start on it together.</summary>
public sealed class DemoSeedClusterTests(PlatformFixture platform)
{
    [Fact]
    public async Task Two_nodes_starting_together_on_an_empty_database_seed_twenty_dossiers_per_procedure_once()
    {
        var settings = new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["ConnectionStrings:egov"] = await platform.Postgres.CreateDatabaseAsync() };
        var starting = new[] { Task.Run(() => TestHost.StartAsync(platform.Postgres, settings)), Task.Run(() => TestHost.StartAsync(platform.Postgres, settings)) };
        var hosts = await Task.WhenAll(starting);
        try
        {
            await DemoCounts.SeedingEndedAsync(hosts);
            var perProcedure = await DemoCounts.DossiersPerProcedureAsync(settings["ConnectionStrings:egov"]!);
            Assert.NotEmpty(perProcedure);

            // A count below 20 is a story the seeder refused (its warning names the reason), above 20 a second seeding.
            var skips = DemoCounts.Skips(hosts);
            Assert.All(perProcedure, p => Assert.True(p.Value == DemoCounts.PerProcedure, $"{p.Key}: {p.Value} dossiers, not {DemoCounts.PerProcedure} (seeded twice, or a story refused):\n{skips}"));
            Assert.Single(hosts, h => h.Logs.Lines.Any(l => l.Contains("nothing imported", StringComparison.Ordinal)));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}
