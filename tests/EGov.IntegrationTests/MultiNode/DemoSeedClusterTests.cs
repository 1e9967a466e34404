using EGov.IntegrationTests.Infrastructure;
using Npgsql;

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
            // Each node ends its seeding with one line: what it imported, or that the store already held dossiers.
            await DeadlineWarningTests.Eventually(() => Task.FromResult(hosts.All(h => h.Logs.Lines.Any(l => l.Contains("Demo data: ", StringComparison.Ordinal)
                && !l.Contains("skipped:", StringComparison.Ordinal)))), seconds: 180);

            await using var connection = new NpgsqlConnection(settings["ConnectionStrings:egov"]);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var count = new NpgsqlCommand(
                "select data->>'procedureCode', count(*) from egov.mt_doc_dossierstate group by 1", connection);
            await using var reader = await count.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var perProcedure = new Dictionary<string, long>();
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                perProcedure[reader.GetString(0)] = reader.GetInt64(1);
            }

            Assert.NotEmpty(perProcedure);
            // A count below 20 is a story the seeder refused (its warning names the reason), above 20 a second seeding.
            var skips = string.Join('\n', hosts.SelectMany(h => h.Logs.Lines).Where(l => l.Contains(" skipped: ", StringComparison.Ordinal)));
            Assert.All(perProcedure, p => Assert.True(p.Value == 20, $"{p.Key}: {p.Value} dossiers, not 20 (seeded twice, or a story refused):\n{skips}"));
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
