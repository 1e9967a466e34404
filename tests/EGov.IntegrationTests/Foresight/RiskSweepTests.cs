using EGov.Dossiers.Foresight;
using EGov.Dossiers.Lifecycle;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.IntegrationTests.Foresight;

/// <summary>
/// The risk sweep on one node against real PostgreSQL: what it writes is what the estimator says at the sweep's
/// instant (read from the narrow page, compared with the whole document), and a closed dossier's row goes.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class RiskSweepTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_full_sweep_writes_for_every_running_dossier_the_estimate_of_its_whole_document_at_the_sweeps_instant()
    {
        var travel = new TimeTravel(ForesightSupport.Start);
        await using var host = await TestHost.StartAsync(platform.Postgres, ForesightSupport.Manual(), travel.Clock);
        var desk = await host.ClientAsync("rs-desk", [Roles.DeskOfficer], "STP");
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid());
        }

        // Three of them an hour later, so the rows differ in what they say.
        await travel.ToAsync(host.ConnectionString, travel.Now.AddHours(30));
        var result = await host.SweepOnceAsync();
        Assert.True(result.Full);
        Assert.Equal(ids.Count, result.Written);

        var rows = await ForesightSupport.RowsAsync(host.ConnectionString);
        Assert.Equal(ids.Order(), rows.Keys.Order());
        var estimator = host.Services.GetRequiredService<IRiskEstimator>();
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        foreach (var id in ids)
        {
            var row = rows[id];
            var state = await session.LoadAsync<DossierState>(id, TestContext.Current.CancellationToken);
            var live = estimator.Estimate(state!, row.ComputedAt);
            Assert.NotNull(live);
            Assert.Equal(live.Probability, row.Probability, 12);
            Assert.Equal((long)live.ExpectedRemaining.TotalSeconds, row.ExpectedSeconds);
            Assert.InRange((live.PredictedFinishAt - row.PredictedFinishAt).Duration(), TimeSpan.Zero, TimeSpan.FromTicks(9));
            Assert.InRange((state!.DueAt!.Value - row.DueAt!.Value).Duration(), TimeSpan.Zero, TimeSpan.FromTicks(9)); // stored to the microsecond
            Assert.Equal(state.HoldingUnit, row.HoldingUnit);
            Assert.Equal(live.Reasons.Select(r => r.Code), row.Reasons.EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        }
    }

    [Fact]
    public async Task A_closed_dossiers_row_disappears_at_the_next_change_scan_and_the_others_stay()
    {
        var travel = new TimeTravel(ForesightSupport.Start);
        await using var host = await TestHost.StartAsync(platform.Postgres, ForesightSupport.Manual(), travel.Clock);
        var desk = await host.ClientAsync("rc-desk", [Roles.DeskOfficer], "STP");
        var kept = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        var closed = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        Assert.True((await host.SweepOnceAsync()).Full);
        Assert.Equal(new[] { closed, kept }.Order(), (await ForesightSupport.RowsAsync(host.ConnectionString)).Keys.Order());

        await desk.PostOkAsync($"/api/v1/dossiers/{closed}/withdraw", new { reason = "Công dân rút hồ sơ / The applicant withdrew" });
        var scan = await host.SweepOnceAsync();
        Assert.False(scan.Full);
        Assert.Equal(1, scan.Deleted);
        Assert.Equal([kept], (await ForesightSupport.RowsAsync(host.ConnectionString)).Keys);
    }
}
