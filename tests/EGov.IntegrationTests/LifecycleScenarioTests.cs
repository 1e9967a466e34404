using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>Whole dossiers walked by the people who handle them, over real HTTP.</summary>
public sealed class LifecycleScenarioTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task A_desk_officer_a_specialist_and_a_leader_take_a_dossier_from_desk_to_delivery()
    {
        var desk = await _host.ClientAsync("desk-a", [Roles.DeskOfficer], "STP");
        var specialist = await _host.ClientAsync("spec-a", [Roles.Specialist], "STP");
        var leader = await _host.ClientAsync("lead-a", [Roles.Leader], "STP");

        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();
        Assert.Equal(["withdraw"], Actions(d));

        d = await Read(specialist, id);
        Assert.Contains("complete-step", Actions(d));
        Assert.Contains("request-supplement", Actions(d));
        d = await specialist.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { expectedVersion = 2 });
        Assert.Equal("Processing", d.GetProperty("status").GetString());
        Assert.Equal("sign", d.GetProperty("currentStep").GetProperty("id").GetString());

        d = await Read(leader, id);
        Assert.Contains("approve", Actions(d));
        d = await leader.PostOkAsync($"/api/v1/dossiers/{id}/approve", new { expectedVersion = 3 });
        Assert.Equal("AwaitingFee", d.GetProperty("status").GetString()); // the certificate has a 200,000 VND fee

        d = await desk.PostOkAsync($"/api/v1/dossiers/{id}/issue-result", new { expectedVersion = 4 });
        Assert.Equal("ResultReady", d.GetProperty("status").GetString());
        d = await desk.PostOkAsync($"/api/v1/dossiers/{id}/deliver", new { expectedVersion = 5 });
        Assert.Equal("Delivered", d.GetProperty("status").GetString());
        Assert.Empty(Actions(d));

        var history = await (await desk.GetAsync($"/api/v1/dossiers/{id}/history", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var rows = history.EnumerateArray().Select(e => (Type: e.GetProperty("type").GetString(), Actor: e.GetProperty("actor").GetString(), Role: e.GetProperty("role").GetString())).ToArray();
        Assert.Equal(
            [
                ("DossierSubmitted", "desk-a", "desk-officer"), ("DossierReceived", "desk-a", "desk-officer"),
                ("StepCompleted", "spec-a", "specialist"), ("DossierApproved", "lead-a", "leader"),
                ("ResultIssued", "desk-a", "desk-officer"), ("ResultDelivered", "desk-a", "desk-officer"),
            ],
            rows);
    }

    [Fact]
    public async Task An_online_dossier_is_received_returned_for_supplement_supplemented_and_delivered_while_the_citizen_follows_it()
    {
        var citizenId = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"c-{citizenId}", [Roles.Citizen], citizenId: citizenId);
        var desk = await _host.ClientAsync("desk-x", [Roles.DeskOfficer], "XA-TANDINH");
        var officer = await _host.ClientAsync("spec-x", [Roles.Specialist], "XA-TANDINH");
        var chair = await _host.ClientAsync("lead-x", [Roles.Leader], "XA-TANDINH");
        var anonymous = _host.CreateClient();

        var d = await citizen.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-HT-KH-01", citizenId, "Online"));
        var id = d.GetProperty("id").GetGuid();
        var code = d.GetProperty("code").GetString()!;
        Assert.Equal("Submitted", await PublicStatus(anonymous, code));

        await desk.PostOkAsync($"/api/v1/dossiers/{id}/receive", new { });
        Assert.Equal("Received", await PublicStatus(anonymous, code));

        d = await officer.PostOkAsync($"/api/v1/dossiers/{id}/request-supplement", new { reason = "Thiếu giấy xác nhận tình trạng hôn nhân" });
        Assert.Equal("SupplementRequested", d.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, d.GetProperty("dueAt").ValueKind); // the clock is stopped
        var lookup = await (await anonymous.GetAsync($"/api/v1/public/dossiers/{code}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal("SupplementRequested", lookup.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, lookup.GetProperty("dueAt").ValueKind);

        d = await Read(citizen, id);
        Assert.Contains("supplement", Actions(d));
        d = await citizen.PostOkAsync($"/api/v1/dossiers/{id}/supplement", new { documentIds = new[] { Guid.NewGuid() } });
        Assert.Equal("Received", d.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, d.GetProperty("dueAt").ValueKind); // the clock runs again

        await officer.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        await chair.PostOkAsync($"/api/v1/dossiers/{id}/approve", new { });
        await desk.PostOkAsync($"/api/v1/dossiers/{id}/issue-result", new { });
        await desk.PostOkAsync($"/api/v1/dossiers/{id}/deliver", new { });
        d = await citizen.PostOkAsync($"/api/v1/dossiers/{id}/rate", new { rating = 3 });
        Assert.Equal(3, d.GetProperty("rating").GetInt32());

        lookup = await (await anonymous.GetAsync($"/api/v1/public/dossiers/{code}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var timeline = lookup.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("status").GetString()).ToArray();
        Assert.Equal(["Submitted", "Received", "SupplementRequested", "Received", "Processing", "Approved", "ResultReady", "Delivered"], timeline);
    }

    [Fact]
    public async Task An_action_the_lifecycle_does_not_allow_now_gets_422_and_changes_nothing()
    {
        var desk = await _host.ClientAsync("desk-b", [Roles.DeskOfficer], "STP");
        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();

        var response = await desk.PostAsJsonAsync($"/api/v1/dossiers/{id}/deliver", new { }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(ProblemTypes.ActionNotAllowed, problem.GetProperty("type").GetString());
        Assert.Equal("not-allowed-in-state", problem.GetProperty("code").GetString());
        Assert.Equal("Received", problem.GetProperty("state").GetString());
        Assert.Equal("deliver", problem.GetProperty("action").GetString());
        Assert.Equal(2, (await Read(desk, id)).GetProperty("version").GetInt64());

        var stale = await desk.PostAsJsonAsync($"/api/v1/dossiers/{id}/withdraw", new { expectedVersion = 1, reason = "x" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var noReason = await desk.PostAsJsonAsync($"/api/v1/dossiers/{id}/withdraw", new { }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(2, (await Read(desk, id)).GetProperty("version").GetInt64());
    }

    private static async Task<JsonElement> Read(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/dossiers/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static string[] Actions(JsonElement dossier) =>
        dossier.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()!).ToArray();

    private static async Task<string?> PublicStatus(HttpClient anonymous, string code) =>
        (await (await anonymous.GetAsync($"/api/v1/public/dossiers/{code}")).ReadJsonAsync()).GetProperty("status").GetString();
}
