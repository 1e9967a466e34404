using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using EGov.Statistics.Projection;
using Npgsql;

namespace EGov.IntegrationTests.Statistics;

/// <summary>
/// Issue 19 adds two counters to the day and month tables. A database of the release before (the tables without them,
/// holding figures) is brought up to date by the start-up migration (Development and tests; <c>db-apply</c> elsewhere,
/// docs/operations.md), keeping its rows and giving them 0, and the projection goes on counting into it.
/// </summary>
public sealed class StatisticsSchemaUpgradeTests(PlatformFixture platform)
{
    private static readonly string[] Added = ["apologies", "resolved_after_apology"];

    [Fact]
    public async Task Tables_of_the_previous_release_gain_the_new_counters_as_0_and_keep_their_figures()
    {
        var ct = TestContext.Current.CancellationToken;
        string connectionString;
        await using (var first = await TestHost.StartAsync(platform.Postgres))
        {
            connectionString = first.ConnectionString;
        }

        // The previous release's tables: the same without the two columns, with a day's figures in them.
        await using (var db = NpgsqlDataSource.Create(connectionString))
        {
            var drop = string.Join(", ", Added.Select(c => $"DROP COLUMN {c}"));
            await using var cmd = db.CreateCommand(
                $"""
                 ALTER TABLE {DailyTable.QualifiedName} {drop};
                 ALTER TABLE {MonthlyTable.QualifiedName} {drop};
                 INSERT INTO {DailyTable.QualifiedName} (unit, procedure, day, received_direct, closed, resolved_late) VALUES ('STP', 'TP-LLTP-01', '2025-06-03', 5, 2, 1);
                 INSERT INTO {MonthlyTable.QualifiedName} (unit, procedure, month, received_direct, closed, resolved_late) VALUES ('STP', 'TP-LLTP-01', '2025-06-01', 5, 2, 1);
                 """);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await using var upgraded = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["ConnectionStrings:egov"] = connectionString });
        await using (var db = NpgsqlDataSource.Create(connectionString))
        {
            await using var columns = db.CreateCommand(
                """
                SELECT table_name, column_name, is_nullable, column_default FROM information_schema.columns
                WHERE table_schema = 'egov' AND table_name IN ('stats_daily', 'stats_monthly') AND column_name = ANY($1)
                ORDER BY 1, 2
                """);
            columns.Parameters.AddWithValue(Added);
            var found = new List<string>();
            await using (var reader = await columns.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    found.Add($"{reader.GetString(0)}.{reader.GetString(1)} nullable={reader.GetString(2)} default={reader.GetString(3)}");
                }
            }

            Assert.Equal(
                [.. new[] { "stats_daily", "stats_monthly" }.SelectMany(t => Added.Order(StringComparer.Ordinal).Select(c => $"{t}.{c} nullable=NO default=0"))],
                found);

            await using var old = db.CreateCommand(
                $"SELECT received_direct, closed, resolved_late, apologies, resolved_after_apology FROM {DailyTable.QualifiedName} WHERE day = '2025-06-03'");
            await using var row = await old.ExecuteReaderAsync(ct);
            Assert.True(await row.ReadAsync(ct), "the migration lost the previous release's day row");
            Assert.Equal([5, 2, 1, 0, 0], Enumerable.Range(0, 5).Select(row.GetInt32));
        }

        // The projection writes its upsert, new columns included, into the migrated tables.
        var desk = await upgraded.ClientAsync("desk-upgrade", [Roles.DeskOfficer], "STP");
        var leader = await upgraded.ClientAsync("lead-upgrade", [Roles.Leader], "STP");
        await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        await StatisticsApiTests.Caught(upgraded, await upgraded.ClientAsync("admin-upgrade", [Roles.Admin]));
        var report = await (await leader.GetAsync("/api/v1/statistics", ct)).ReadJsonAsync();
        Assert.Equal(1, StatisticsApiTests.Direct(report.GetProperty("units")[0]));
        Assert.Equal(0, report.GetProperty("units")[0].GetProperty("apologies").GetInt32());
    }
}
