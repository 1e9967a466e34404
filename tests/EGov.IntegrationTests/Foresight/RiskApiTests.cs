using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.Foresight;

/// <summary>
/// <c>GET /api/v1/dossiers/{id}/risk</c> and the at-risk work list: the unit's officers read the risk with its
/// reasons, other units' officers find no such dossier, citizens are refused, a dossier without a running deadline has
/// no probability; the work list ranks the flagged dossiers by the sweep's probability.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class RiskApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_risk_answers_the_units_officers_hides_from_others_and_has_no_probability_without_a_running_deadline()
    {
        var travel = new TimeTravel(ForesightSupport.Start);
        await using var host = await TestHost.StartAsync(platform.Postgres, ForesightSupport.Manual(), travel.Clock);
        var ct = TestContext.Current.CancellationToken;
        var desk = await host.ClientAsync("ra-desk", [Roles.DeskOfficer], "STP");
        var spec = await host.ClientAsync("ra-spec", [Roles.Specialist], "STP");
        var other = await host.ClientAsync("ra-xd", [Roles.Specialist], "SXD");
        var citizen = await host.ClientAsync("ra-citizen", [Roles.Citizen], citizenId: Api.NewCitizenId());
        var open = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        var withdrawn = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        await desk.PostOkAsync($"/api/v1/dossiers/{withdrawn}/withdraw", new { reason = "Công dân rút hồ sơ / The applicant withdrew" });

        var early = await spec.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{open}/risk", ct);
        Assert.InRange(early.GetProperty("probability").GetDouble(), 0, 1);
        Assert.False(early.GetProperty("atRisk").GetBoolean());
        Assert.Equal(0.3, early.GetProperty("threshold").GetDouble());
        Assert.True(early.GetProperty("expectedRemainingWorkingDays").GetDouble() > 0);
        Assert.NotEqual(JsonValueKind.Null, early.GetProperty("dueAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, early.GetProperty("predictedFinishAt").ValueKind);

        await travel.ToAsync(host.ConnectionString, ForesightSupport.Late);
        var late = await spec.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{open}/risk", ct);
        Assert.True(late.GetProperty("probability").GetDouble() >= late.GetProperty("threshold").GetDouble(), late.ToString());
        Assert.True(late.GetProperty("probability").GetDouble() > early.GetProperty("probability").GetDouble());
        var reason = late.GetProperty("reasons")[0];
        Assert.False(string.IsNullOrWhiteSpace(reason.GetProperty("vi").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(reason.GetProperty("en").GetString()));

        var none = await spec.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{withdrawn}/risk", ct);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("probability").ValueKind);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("predictedFinishAt").ValueKind);
        Assert.Empty(none.GetProperty("reasons").EnumerateArray());

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/dossiers/{open}/risk", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync($"/api/v1/dossiers/{open}/risk", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await spec.GetAsync($"/api/v1/dossiers/{Guid.NewGuid()}/risk", ct)).StatusCode);
    }

    [Fact]
    public async Task The_at_risk_work_list_holds_the_dossiers_over_the_threshold_by_probability_and_the_count_agrees()
    {
        var travel = new TimeTravel(ForesightSupport.Start);
        await using var host = await TestHost.StartAsync(platform.Postgres, ForesightSupport.Manual(), travel.Clock);
        var ct = TestContext.Current.CancellationToken;
        var desk = await host.ClientAsync("wr-desk", [Roles.DeskOfficer], "STP");
        var leader = await host.ClientAsync("wr-lead", [Roles.Leader], "STP");
        var early = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();

        // Before any sweep nothing has a row: no item has a probability, and the list is empty.
        Assert.Empty((await leader.GetFromJsonAsync<JsonElement>("/api/v1/work?list=at-risk", ct)).GetProperty("items").EnumerateArray());
        await travel.ToAsync(host.ConnectionString, ForesightSupport.Late);
        var fresh = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        await host.SweepOnceAsync();

        var rows = await ForesightSupport.RowsAsync(host.ConnectionString);
        Assert.True(rows[early].Probability >= rows[early].Threshold);
        Assert.True(rows[fresh].Probability < rows[fresh].Threshold, $"a dossier received just now: {rows[fresh].Probability}");
        var page = await leader.GetFromJsonAsync<JsonElement>("/api/v1/work?list=at-risk", ct);
        var items = page.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal([early], items.Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(rows[early].Probability, items[0].GetProperty("probability").GetDouble(), 12);
        Assert.False(string.IsNullOrWhiteSpace(items[0].GetProperty("riskReason").GetProperty("vi").GetString()));
        var counts = await leader.GetFromJsonAsync<JsonElement>("/api/v1/work/counts", ct);
        Assert.Equal(1, counts.GetProperty("atRisk").GetInt64());

        // Every list carries the probability; the dossier just received is in the unassigned list with its own.
        var unassigned = (await leader.GetFromJsonAsync<JsonElement>("/api/v1/work?list=unit-unassigned", ct)).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetGuid() == fresh);
        Assert.Equal(rows[fresh].Probability, unassigned.GetProperty("probability").GetDouble(), 12);
    }
}
