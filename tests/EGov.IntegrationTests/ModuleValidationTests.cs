using System.Net;
using System.Net.Http.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>Module validation hooks doing real checks: the Finance name registry and the building-permit rules.</summary>
public sealed class ModuleValidationTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task An_enterprise_name_is_reserved_on_receipt_refused_to_a_second_applicant_and_registered_on_approval()
    {
        var desk = await _host.ClientAsync("desk-stc", [Roles.DeskOfficer], "STC");
        var specialist = await _host.ClientAsync("spec-stc", [Roles.Specialist], "STC");
        var leader = await _host.ClientAsync("lead-stc", [Roles.Leader], "STC");
        var name = ModuleIntakes.UniqueEnterpriseName();

        var missing = await desk.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake("TC-DN-01"), TestContext.Current.CancellationToken);
        // The form requires the name, so the schema refuses a missing one before the module's registry check (400).
        await FormIntakeTests.AssertInvalidAsync(missing, "details.enterpriseName");

        var first = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TC-DN-01", details: Details(name)));
        var id = first.GetProperty("id").GetGuid();
        await DeadlineWarningTests.Eventually(async () => await NameStatus(name) == "reserved");

        // The same name in another case and spacing is the same name (Luật Doanh nghiệp 2020, Art. 41).
        var twin = "  " + name.ToUpperInvariant().Replace(" ", "   ", StringComparison.Ordinal) + " ";
        var second = await desk.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake("TC-DN-02", details: Details(twin)), TestContext.Current.CancellationToken);
        await AssertRefused(second, "details.enterpriseName");

        // Nothing of the refused intake was stored. Counted by its own name: other tests share this host and write meanwhile.
        var stored = await Database.CountAsync(_host.ConnectionString,
            $"select count(*) from egov.mt_events where data -> 'details' ->> 'enterpriseName' = '{twin.Replace("'", "''", StringComparison.Ordinal)}'");
        Assert.Equal(0, stored);

        await specialist.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        await leader.PostOkAsync($"/api/v1/dossiers/{id}/approve", new { });
        await DeadlineWarningTests.Eventually(async () => await NameStatus(name) == "registered");
    }

    [Fact]
    public async Task A_name_whose_registration_is_withdrawn_becomes_free_again()
    {
        var desk = await _host.ClientAsync("desk-stc2", [Roles.DeskOfficer], "STC");
        var name = ModuleIntakes.UniqueEnterpriseName();
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TC-DN-01", details: Details(name)))).GetProperty("id").GetGuid();
        await DeadlineWarningTests.Eventually(async () => await NameStatus(name) == "reserved");

        await desk.PostOkAsync($"/api/v1/dossiers/{id}/withdraw", new { reason = "Người nộp rút hồ sơ" });

        await DeadlineWarningTests.Eventually(async () => await NameStatus(name) is null);
        await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TC-DN-01", details: Details(name)));
    }

    [Fact]
    public async Task A_building_permit_needs_a_plot_area_above_zero_and_the_drawings_attached()
    {
        var desk = await _host.ClientAsync("desk-xd", [Roles.DeskOfficer], "XA-BENTHANH");
        var applicant = Api.NewCitizenId();
        var drawings = await ModuleIntakes.DrawingsAsync(desk, applicant);
        var identity = (await desk.UploadOkAsync(Files.Pdf(5000), "identity-card", applicant)).GetProperty("id").GetGuid();

        async Task<HttpResponseMessage> Apply(string? area, params Guid[] documents) =>
            await desk.PostAsJsonAsync("/api/v1/dossiers",
                Api.DeskIntake("XD-GPXD-01", applicant, details: area is null ? null : new Dictionary<string, string> { ["plotAreaM2"] = area }, documentIds: documents),
                TestContext.Current.CancellationToken);

        // The plot area is the form's (a required decimal above zero): the schema refuses it (400) before the module.
        await FormIntakeTests.AssertInvalidAsync(await Apply(null, drawings), "details.plotAreaM2");
        await FormIntakeTests.AssertInvalidAsync(await Apply("0", drawings), "details.plotAreaM2");
        await FormIntakeTests.AssertInvalidAsync(await Apply("-12", drawings), "details.plotAreaM2");
        await FormIntakeTests.AssertInvalidAsync(await Apply("một trăm", drawings), "details.plotAreaM2");
        await AssertRefused(await Apply("120"), "documentIds");
        await AssertRefused(await Apply("120", identity), "documentIds");
        Assert.Equal(HttpStatusCode.Created, (await Apply("120", identity, drawings)).StatusCode);
    }

    [Fact]
    public async Task Form_fields_are_bounded_and_named_in_errors()
    {
        var desk = await _host.ClientAsync("desk-stp-details", [Roles.DeskOfficer], "STP");
        var bad = new Dictionary<string, string> { ["bad key!"] = "x", ["ok"] = new string('x', 2001) };
        var response = await desk.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01", details: bad), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("details", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("details.ok", out _), errors.ToString());
    }

    private static Dictionary<string, string> Details(string name) => new() { ["enterpriseName"] = name };

    private async Task<string?> NameStatus(string name)
    {
        var json = await (await _host.CreateClient().GetAsync($"/api/v1/finance/enterprise-names/{Uri.EscapeDataString(name)}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        return json.GetProperty("available").GetBoolean() ? null : json.GetProperty("status").GetString();
    }

    private static async Task AssertRefused(HttpResponseMessage response, string field)
    {
        var problem = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("intake-refused", problem.GetProperty("code").GetString());
        Assert.Equal(ProblemTypes.IntakeRefused, problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
