using System.Net;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// The inter-agency procedure of Decree 63/2024 across three modules' units: the commune registers the birth, the
/// police register residence, social insurance issues the health-insurance card — one dossier, one code, one
/// public timeline, a deadline per step, and each agency told through the published milestones.
/// </summary>
public sealed class InterAgencyTests(PlatformFixture platform)
{
    private const string Procedure = "LT-KS-TT-BHYT-01";
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task A_birth_dossier_crosses_commune_police_and_social_insurance_with_one_code_and_a_deadline_per_step()
    {
        var ct = TestContext.Current.CancellationToken;
        var parent = Api.NewCitizenId();
        var desk = await _host.ClientAsync("desk-lt", [Roles.DeskOfficer], "XA-TANDINH");
        var clerk = await _host.ClientAsync("spec-lt", [Roles.Specialist], "XA-TANDINH");
        var chair = await _host.ClientAsync("lead-lt", [Roles.Leader], "XA-TANDINH");
        var police = await _host.ClientAsync("spec-ca", [Roles.Specialist], "CA-TANDINH");
        var insurer = await _host.ClientAsync("spec-bhxh", [Roles.Specialist], "BHXH-TANDINH");
        var insuranceLead = await _host.ClientAsync("lead-bhxh", [Roles.Leader], "BHXH-TANDINH");
        var citizen = await _host.ClientAsync($"c-{parent}", [Roles.Citizen], citizenId: parent);

        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake(Procedure, parent));
        var id = d.GetProperty("id").GetGuid();
        var code = d.GetProperty("code").GetString()!;
        Assert.StartsWith("H10.60-", code, StringComparison.Ordinal); // the commune's agency id: the citizen's one code

        // Before the hand-over the police cannot even see the dossier.
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/v1/dossiers/{id}", ct)).StatusCode);

        var stepDues = new List<(string Step, string Unit, DateTimeOffset Due)> { Step(d) };
        d = await clerk.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        stepDues.Add(Step(d));
        d = await chair.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        stepDues.Add(Step(d));
        Assert.Equal(("residence", "CA-TANDINH"), (stepDues[^1].Step, stepDues[^1].Unit));

        // The police learn of it from the published milestone, and now hold it.
        await DeadlineWarningTests.Eventually(async () =>
            (await (await police.GetAsync("/api/v1/police/residence-requests", ct)).ReadJsonAsync()).EnumerateArray()
                .Any(r => r.GetProperty("id").GetGuid() == id && r.GetProperty("stepId").GetString() == "residence"));
        Assert.Contains("complete-step", Actions(await (await police.GetAsync($"/api/v1/dossiers/{id}", ct)).ReadJsonAsync()));
        Assert.DoesNotContain("complete-step", Actions(await (await chair.GetAsync($"/api/v1/dossiers/{id}", ct)).ReadJsonAsync()));

        d = await police.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        stepDues.Add(Step(d));
        d = await insurer.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        stepDues.Add(Step(d));
        Assert.Equal(["verify", "sign", "residence", "insurance", "issue-card"], stepDues.Select(s => s.Step));
        Assert.Equal(["XA-TANDINH", "XA-TANDINH", "CA-TANDINH", "BHXH-TANDINH", "BHXH-TANDINH"], stepDues.Select(s => s.Unit));
        // Each step is timed by its own allowance: the police's 3 working days outlast the steps around them.
        Assert.True(stepDues[2].Due > stepDues[1].Due && stepDues[2].Due > stepDues[3].Due, string.Join(", ", stepDues));

        await insuranceLead.PostOkAsync($"/api/v1/dossiers/{id}/approve", new { });
        await desk.PostOkAsync($"/api/v1/dossiers/{id}/issue-result", new { });
        d = await desk.PostOkAsync($"/api/v1/dossiers/{id}/deliver", new { });
        Assert.Equal("Delivered", d.GetProperty("status").GetString());

        // One history with the hands of three agencies, one public timeline, one dossier for the parent.
        var history = await (await desk.GetAsync($"/api/v1/dossiers/{id}/history", ct)).ReadJsonAsync();
        var units = history.EnumerateArray().Select(e => e.GetProperty("unit").GetString()).Where(u => u is not null).Distinct().ToArray();
        Assert.Equal(["XA-TANDINH", "CA-TANDINH", "BHXH-TANDINH"], units);
        var lookup = await (await _host.CreateClient().GetAsync($"/api/v1/public/dossiers/{code}", ct)).ReadJsonAsync();
        Assert.Equal(["Submitted", "Received", "Processing", "Approved", "ResultReady", "Delivered"],
            lookup.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("status").GetString()));
        var mine = await (await citizen.GetAsync("/api/v1/dossiers", ct)).ReadJsonAsync();
        Assert.Single(mine.GetProperty("items").EnumerateArray(), x => x.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task With_the_police_module_switched_off_the_inter_agency_procedure_is_not_served_and_everything_else_is()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Modules:Police:Enabled"] = "false" });
        var procedures = (await (await host.Http.GetAsync("/api/v1/procedures", TestContext.Current.CancellationToken)).ReadJsonAsync())
            .EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToArray();
        Assert.DoesNotContain(Procedure, procedures);
        Assert.Contains("TP-HT-KS-01", procedures);

        var ready = await host.Http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var desk = await host.ClientAsync("desk-lt-off", [Roles.DeskOfficer], "XA-TANDINH");
        await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-HT-KS-01"));
    }

    private static (string Step, string Unit, DateTimeOffset Due) Step(JsonElement dossier)
    {
        var step = dossier.GetProperty("currentStep");
        return (step.GetProperty("id").GetString()!, step.GetProperty("unit").GetString()!, step.GetProperty("dueAt").GetDateTimeOffset());
    }

    private static string[] Actions(JsonElement dossier) =>
        [.. dossier.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()!)];
}
