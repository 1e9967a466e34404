using Npgsql;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>What the demo seeder left in a database, read straight from the dossier documents.</summary>
public static class DemoCounts
{
    /// <summary>DemoSeeder.PerProcedure: every story of every procedure, none refused.</summary>
    public const int PerProcedure = 20;

    public static async Task<Dictionary<string, long>> DossiersPerProcedureAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("select data->>'procedureCode', count(*) from egov.mt_doc_dossierstate group by 1", connection);
        await using var reader = await count.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var perProcedure = new Dictionary<string, long>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            perProcedure[reader.GetString(0)] = reader.GetInt64(1);
        }

        return perProcedure;
    }

    /// <summary>The seeder's warnings about refused stories, each naming the procedure, the story and the reason.</summary>
    public static string Skips(IEnumerable<TestHost> hosts) =>
        string.Join('\n', hosts.SelectMany(h => h.Logs.Lines).Where(l => l.Contains(" skipped: ", StringComparison.Ordinal)));

    /// <summary>Every node has logged the end of its seeding (what it imported, or that the store already held dossiers).</summary>
    public static Task SeedingEndedAsync(params TestHost[] hosts) =>
        DeadlineWarningTests.Eventually(() => Task.FromResult(hosts.All(h => h.Logs.Lines.Any(l => l.Contains("Demo data: ", StringComparison.Ordinal)
            && !l.Contains("skipped:", StringComparison.Ordinal)))), seconds: 180);
}
