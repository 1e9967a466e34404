using EGov.IntegrationTests.Infrastructure;
using EGov.IntegrationTests.MultiNode;
using EGov.Kernel;

namespace EGov.IntegrationTests.Foresight;

/// <summary>
/// The at-risk flag is recorded once per appointment however many sweeps find it: two nodes sweeping at the same time
/// (every turn a full sweep, turns run together), and a host started again on the same database.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class RiskFlagOnceTests(PlatformFixture platform)
{
    [Fact]
    public async Task Two_nodes_sweeping_together_and_a_restart_record_the_flag_exactly_once_per_dossier()
    {
        var travel = new TimeTravel(ForesightSupport.Start);
        var settings = ForesightSupport.Manual(everyTurnFull: true);
        var a = await TestHost.StartAsync(platform.Postgres, settings, travel.Clock);
        var connectionString = a.ConnectionString;
        var desk = await a.ClientAsync("once-desk", [Roles.DeskOfficer], "STP");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid());
        }

        await travel.ToAsync(connectionString, ForesightSupport.Late);
        await using (var b = await Nodes.JoinAsync(platform.Postgres, a, settings, travel.Clock))
        {
            var raised = 0;
            for (var round = 0; round < 4; round++)
            {
                // The turns that find the lock held return null; the others each sweep everything.
                var turns = await Task.WhenAll(a.Sweep().RunOnceAsync(TestContext.Current.CancellationToken), b.Sweep().RunOnceAsync(TestContext.Current.CancellationToken));
                raised += turns.Sum(t => t?.Raised ?? 0);
            }

            Assert.Equal(ids.Count, raised);
            foreach (var id in ids)
            {
                Assert.Equal(1, await ForesightSupport.FlagsAsync(connectionString, id));
            }

            var rows = await ForesightSupport.RowsAsync(connectionString);
            Assert.All(ids, id => Assert.True(rows[id].Probability >= rows[id].Threshold, $"{id}: {rows[id].Probability}"));
        }

        await a.DisposeAsync();
        settings["ConnectionStrings:egov"] = connectionString;
        await using var again = await TestHost.StartAsync(platform.Postgres, settings, travel.Clock);
        var after = await again.SweepOnceAsync();
        Assert.Equal(0, after.Raised);
        Assert.All(await ForesightSupport.RowsAsync(connectionString), kv => Assert.True(kv.Value.AtRisk));
        foreach (var id in ids)
        {
            Assert.Equal(1, await ForesightSupport.FlagsAsync(connectionString, id));
        }
    }
}
