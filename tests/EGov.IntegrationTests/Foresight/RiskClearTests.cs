using System.Text.Json;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Grain;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.IntegrationTests.Foresight;

/// <summary>
/// A dossier that caught up leaves the at-risk lists (docs/foresight.md, "The flag"): flagged by the sweep while its
/// "verify" looked as long as the one past dossier's (11 working days), cleared once by the sweep when the specialist
/// finished it after one day, with both events in its history and the apology draft withdrawn.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class RiskClearTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_flagged_dossier_whose_risk_drops_is_cleared_once_and_leaves_the_at_risk_lists()
    {
        var travel = new TimeTravel(ForesightSupport.Start);
        var settings = ForesightSupport.Manual();
        settings["Foresight:MinSamples"] = "1";
        settings["Foresight:HistoryRefresh"] = "00:00:00.200";
        await using var host = await TestHost.StartAsync(platform.Postgres, settings, travel.Clock);
        var ct = TestContext.Current.CancellationToken;
        var desk = await host.ClientAsync("rc-desk", [Roles.DeskOfficer], "STP");
        var spec = await host.ClientAsync("rc-spec", [Roles.Specialist], "STP");
        var leader = await host.ClientAsync("rc-lead", [Roles.Leader], "STP");

        // The history: one past dossier whose "verify" took 11 working days and whose "sign" took none.
        var past = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        await travel.ToAsync(host.ConnectionString, DeadlineWarningTests.Local(2027, 3, 16, 8));
        await spec.PostOkAsync($"/api/v1/dossiers/{past}/claim", new { });
        await spec.PostOkAsync($"/api/v1/dossiers/{past}/complete-step", new { });
        await leader.PostOkAsync($"/api/v1/dossiers/{past}/claim", new { });
        await leader.PostOkAsync($"/api/v1/dossiers/{past}/approve", new { });
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        await DeadlineWarningTests.Eventually(async () =>
            await Database.CountAsync(host.ConnectionString, $"SELECT count(*) FROM egov.step_durations WHERE dossier_id = '{past}'") == 2);

        // One day into "verify": like the past one, it has 10 days of work left for 9: flagged (once the history is reloaded).
        await travel.ToAsync(host.ConnectionString, DeadlineWarningTests.Local(2027, 3, 17, 8));
        await DeadlineWarningTests.Eventually(async () =>
        {
            await host.SweepOnceAsync();
            return await ForesightSupport.FlagsAsync(host.ConnectionString, id) == 1;
        });
        Assert.True((await ApologyTests.Read(leader, id)).GetProperty("atRisk").GetBoolean());
        Assert.Contains(id, await AtRisk(leader, "/api/v1/work?list=at-risk", ct));
        Assert.Contains(id, await AtRisk(leader, "/api/v1/statistics/watch-list?kind=at-risk", ct));

        // "verify" done in one day: only "sign" is left (none in the past), so the risk drops to 0 and the sweep clears it.
        await spec.PostOkAsync($"/api/v1/dossiers/{id}/claim", new { });
        await spec.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        await host.SweepOnceAsync();
        Assert.Equal(1, await ForesightSupport.ClearsAsync(host.ConnectionString, id));
        var rows = await ForesightSupport.RowsAsync(host.ConnectionString);
        Assert.True(rows[id].Probability < 0.2, $"{rows[id].Probability}");

        // The row follows at the next sweep (the change scan reads the dossier the clear wrote); more sweeps change nothing.
        await host.SweepOnceAsync();
        await host.SweepOnceAsync();
        Assert.Equal(1, await ForesightSupport.ClearsAsync(host.ConnectionString, id));
        Assert.Equal(1, await ForesightSupport.FlagsAsync(host.ConnectionString, id));
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        Assert.False(await grains.GetGrain<IDossierGrain>(id).ClearRisk(new RiskClearSignal(id, rows[id].DueAt!.Value, 0, 0.2)));
        Assert.DoesNotContain(id, await AtRisk(leader, "/api/v1/work?list=at-risk", ct));
        Assert.DoesNotContain(id, await AtRisk(leader, "/api/v1/statistics/watch-list?kind=at-risk", ct));
        var read = await ApologyTests.Read(leader, id);
        Assert.False(read.GetProperty("atRisk").GetBoolean());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("apologyDraft").ValueKind);
        var history = await ApologyTests.History(leader, id);
        Assert.True(history.IndexOf("DossierFlaggedAtRisk") < history.IndexOf("DossierRiskCleared"), string.Join(", ", history));
    }

    private static async Task<Guid[]> AtRisk(HttpClient client, string url, CancellationToken ct)
    {
        var body = await (await client.GetAsync(url, ct)).ReadJsonAsync();
        var items = body.ValueKind == JsonValueKind.Array ? body : body.GetProperty("items");
        return [.. items.EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
    }
}
