using EGov.Dossiers.Sweeps;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EGov.IntegrationTests.Foresight;

/// <summary>
/// A full sweep writes a fresh table and swaps it in at the end (<see cref="FreshRiskTable"/>): a sweep that fails
/// midway leaves the previous rows as they were and readable, the next one drops what the failed one left, and the
/// swapped-in table is the one the store declares (same indexes, same names).
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class RiskSweepSwapTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_full_sweep_that_fails_midway_leaves_the_previous_rows_and_the_next_one_replaces_them()
    {
        var travel = new TimeTravel(ForesightSupport.Start);
        await using var host = await TestHost.StartAsync(platform.Postgres, ForesightSupport.Manual(everyTurnFull: true), travel.Clock);
        var desk = await host.ClientAsync("sw-desk", [Roles.DeskOfficer], "STP");
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid());
        }

        Assert.Equal(ids.Count, (await host.SweepOnceAsync()).Written);
        var before = await ForesightSupport.RowsAsync(host.ConnectionString);

        // One stored document the sweep cannot read: the turn fails after the others were read and estimated.
        var broken = ids[2];
        await ExecuteAsync(host.ConnectionString,
            $"UPDATE egov.mt_doc_dossierstate SET data = jsonb_set(data, '{{steps}}', '\"broken\"') WHERE id = '{broken}'");
        await travel.ToAsync(host.ConnectionString, travel.Now.AddHours(5));
        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => host.Sweep().RunOnceAsync(TestContext.Current.CancellationToken));

        var after = await ForesightSupport.RowsAsync(host.ConnectionString);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(ids, id => Assert.Equal(before[id].ComputedAt, after[id].ComputedAt));
        Assert.All(ids, id => Assert.Equal(before[id].Probability, after[id].Probability));

        // The document mended (the stream's own fold), the next turn writes every row afresh and leaves no fresh table.
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            var state = await session.Events.AggregateStreamAsync<EGov.Dossiers.Lifecycle.DossierState>(broken, token: TestContext.Current.CancellationToken);
            session.Store(state!);
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var next = await host.SweepOnceAsync();
        Assert.True(next.Full);
        Assert.Equal(ids.Count, next.Written);
        var swapped = await ForesightSupport.RowsAsync(host.ConnectionString);
        Assert.Equal(ids.Order(), swapped.Keys.Order());
        Assert.All(ids, id => Assert.True(swapped[id].ComputedAt > before[id].ComputedAt));
        Assert.Equal(0, await Database.CountAsync(host.ConnectionString,
            $"SELECT count(*) FROM pg_tables WHERE schemaname = 'egov' AND tablename = '{FreshRiskTable.Name}'"));

        // The swapped-in table is what the store declares: a restart's migration finds nothing to change.
        await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_dossier_closed_between_full_sweeps_is_not_in_the_swapped_in_table_and_is_counted_removed()
    {
        var travel = new TimeTravel(ForesightSupport.Start);
        await using var host = await TestHost.StartAsync(platform.Postgres, ForesightSupport.Manual(everyTurnFull: true), travel.Clock);
        var desk = await host.ClientAsync("sw-desk2", [Roles.DeskOfficer], "STP");
        var kept = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        var closed = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        Assert.Equal(2, (await host.SweepOnceAsync()).Written);

        await desk.PostOkAsync($"/api/v1/dossiers/{closed}/withdraw", new { reason = "Công dân rút hồ sơ / The applicant withdrew" });
        var full = await host.SweepOnceAsync();

        Assert.True(full.Full);
        Assert.Equal((1, 1), (full.Written, full.Deleted));
        Assert.Equal([kept], (await ForesightSupport.RowsAsync(host.ConnectionString)).Keys);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
