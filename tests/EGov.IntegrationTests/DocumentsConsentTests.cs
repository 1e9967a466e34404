using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Issue 13, point 6: reusing a citizen's vault documents needs the citizen's consent (their own online
/// submission, or a grant to the unit) or the desk officer's declared, reasoned desk act, which the citizen sees in
/// the access log. Without one, the desk may neither list the documents (prefill) nor cite them (intake,
/// supplement, issue-result): 403 <c>document-consent-required</c>, nothing stored.
/// </summary>
public sealed class DocumentsConsentTests(PlatformFixture platform)
{
    private const string Stp = "STP";
    private const string Procedure = "TP-LLTP-01";
    private const string ConsentRequired = "document-consent-required";
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task A_desk_officer_without_consent_cannot_list_a_citizens_vault_documents()
    {
        var (owner, citizen, card) = await CitizenWithCardAsync();
        var desk = await _host.ClientAsync("desk-stp-consent-list", [Roles.DeskOfficer], Stp);

        var refused = await (await desk.ReadAsync(PrefillUrl(owner))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(ConsentRequired, refused.GetProperty("code").GetString());
        Assert.DoesNotContain(card.ToString(), refused.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await LogAsync(citizen, card)); // nothing was shown, so nothing was read
    }

    [Fact]
    public async Task A_desk_intake_citing_a_citizens_documents_without_consent_is_refused_and_stores_nothing()
    {
        var (owner, citizen, card) = await CitizenWithCardAsync();
        var desk = await _host.ClientAsync("desk-stp-consent-bypass", [Roles.DeskOfficer], Stp);
        var specialist = await _host.ClientAsync("spec-stp-consent-bypass", [Roles.Specialist], Stp);

        var response = await desk.PostAsJsonAsync("/api/v1/dossiers", DocumentsApi.Intake(Procedure, owner, [card]), TestContext.Current.CancellationToken);
        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(ConsentRequired, problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("documentIds", out _), problem.ToString());

        Assert.Equal(0, await Database.CountAsync(_host.ConnectionString,
            $"select count(*) from egov.mt_doc_dossierstate where data->'applicant'->>'idNumber' = '{owner}'"));
        Assert.Equal(0, await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.document_references where document_id = '{card}'"));
        await (await specialist.ReadAsync($"/api/v1/documents/{card}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await specialist.ReadAsync($"/api/v1/documents/{card}/content")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await LogAsync(citizen, card));
    }

    [Fact]
    public async Task A_declared_desk_act_opens_prefill_and_intake_and_the_citizen_sees_it_in_the_access_log()
    {
        var (owner, citizen, card) = await CitizenWithCardAsync();
        var desk = await _host.ClientAsync("desk-stp-consent-act", [Roles.DeskOfficer], Stp);
        var specialist = await _host.ClientAsync("spec-stp-consent-act", [Roles.Specialist], Stp);
        const string reason = "Công dân có mặt tại quầy, đã xuất trình căn cước và đồng ý dùng giấy tờ trong kho";

        var act = await DeclareAsync(desk, owner, reason);
        Assert.Equal(owner, act.GetProperty("ownerIdNumber").GetString());
        Assert.Equal(Procedure, act.GetProperty("procedureCode").GetString());
        Assert.Equal(Stp, act.GetProperty("unit").GetString());
        Assert.Equal("present-identity-checked", act.GetProperty("basis").GetString());
        Assert.Equal(reason, act.GetProperty("reason").GetString());
        Assert.Equal("desk-stp-consent-act", act.GetProperty("declaredBy").GetString());
        Assert.True(act.GetProperty("until").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        var prefill = await desk.GetOkAsync(PrefillUrl(owner));
        Assert.Equal([card], prefill.GetProperty("documentIds").EnumerateArray().Select(d => d.GetGuid()).ToArray());
        var dossier = await desk.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake(Procedure, owner, [card]));
        Assert.Equal([card], dossier.GetProperty("documentIds").EnumerateArray().Select(d => d.GetGuid()).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await specialist.ReadAsync($"/api/v1/documents/{card}/content")).StatusCode);

        var log = await LogAsync(citizen, card);
        var declared = Assert.Single(log, e => e.GetProperty("kind").GetString() == "desk-consent");
        Assert.Equal("desk-stp-consent-act", declared.GetProperty("actor").GetString());
        Assert.Equal(Stp, declared.GetProperty("unit").GetString());
        Assert.Contains(reason, declared.GetProperty("purpose").GetString(), StringComparison.Ordinal);
        Assert.Contains("present-identity-checked", declared.GetProperty("purpose").GetString(), StringComparison.Ordinal);
        Assert.Contains(log, e => e.GetProperty("kind").GetString() == "prefill" && e.GetProperty("actor").GetString() == "desk-stp-consent-act");
        var reuse = Assert.Single(log, e => e.GetProperty("kind").GetString() == "reuse");
        Assert.Contains(dossier.GetProperty("id").GetGuid().ToString(), reuse.GetProperty("purpose").GetString(), StringComparison.Ordinal);
        Assert.Contains(log, e => e.GetProperty("kind").GetString() == "content" && e.GetProperty("actor").GetString() == "spec-stp-consent-act");

        // The citizen also sees every desk act about them in one place.
        var acts = await citizen.GetOkAsync("/api/v1/documents/desk-consents");
        Assert.Equal(act.GetProperty("id").GetGuid(), Assert.Single(acts.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_desk_act_serves_only_the_officer_who_declared_it_and_only_that_citizen()
    {
        var (owner, _, card) = await CitizenWithCardAsync();
        var (someoneElse, _, otherCard) = await CitizenWithCardAsync();
        var desk = await _host.ClientAsync("desk-stp-consent-own", [Roles.DeskOfficer], Stp);
        var colleague = await _host.ClientAsync("desk-stp-consent-colleague", [Roles.DeskOfficer], Stp);
        await DeclareAsync(desk, owner, "Công dân có mặt, đã kiểm tra căn cước");

        await (await colleague.ReadAsync(PrefillUrl(owner))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await colleague.PostAsJsonAsync("/api/v1/dossiers", DocumentsApi.Intake(Procedure, owner, [card]), TestContext.Current.CancellationToken))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await desk.ReadAsync(PrefillUrl(someoneElse))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await desk.PostAsJsonAsync("/api/v1/dossiers", DocumentsApi.Intake(Procedure, someoneElse, [otherCard]), TestContext.Current.CancellationToken))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_desk_act_needs_a_basis_a_reason_and_a_desk_officer_of_the_procedures_unit()
    {
        var (owner, citizen, _) = await CitizenWithCardAsync();
        var desk = await _host.ClientAsync("desk-stp-consent-invalid", [Roles.DeskOfficer], Stp);
        var url = $"/api/v1/procedures/{Procedure}/desk-consents";
        var ct = TestContext.Current.CancellationToken;

        await AssertInvalid(await desk.PostAsJsonAsync(url, new { ownerIdNumber = owner, basis = "present-identity-checked", reason = "  " }, ct), "reason");
        await AssertInvalid(await desk.PostAsJsonAsync(url, new { ownerIdNumber = owner, basis = "present-identity-checked", reason = new string('x', 501) }, ct), "reason");
        await AssertInvalid(await desk.PostAsJsonAsync(url, new { ownerIdNumber = owner, basis = "present-identity-checked", reason = "a\u0000b" }, ct), "reason");
        await AssertInvalid(await desk.PostAsJsonAsync(url, new { ownerIdNumber = owner, basis = "trust-me", reason = "Có mặt" }, ct), "basis");
        await AssertInvalid(await desk.PostAsJsonAsync(url, new { ownerIdNumber = owner, reason = "Có mặt" }, ct), "basis");
        await AssertInvalid(await desk.PostAsJsonAsync(url, new { ownerIdNumber = "12", basis = "present-identity-checked", reason = "Có mặt" }, ct), "ownerIdNumber");
        var nullBody = await desk.PostAsync(url, new StringContent("null", System.Text.Encoding.UTF8, "application/json"), ct);
        Assert.True((int)nullBody.StatusCode is >= 400 and < 500, $"a null body answered {(int)nullBody.StatusCode}");
        Assert.Equal("application/problem+json", nullBody.Content.Headers.ContentType?.MediaType);

        // A dossier by post carries the citizen's signed consent form instead of their presence.
        var byPost = await desk.PostAsJsonAsync(url, new { ownerIdNumber = owner, basis = "signed-consent-form", reason = "Hồ sơ gửi qua bưu chính kèm văn bản đồng ý có chữ ký" }, ct);
        Assert.Equal(HttpStatusCode.Created, byPost.StatusCode);

        var body = new { ownerIdNumber = owner, basis = "present-identity-checked", reason = "Có mặt" };
        foreach (var client in new[]
                 {
                     await _host.ClientAsync("desk-xa-consent-invalid", [Roles.DeskOfficer], "XA-TANDINH"),
                     await _host.ClientAsync("spec-stp-consent-invalid", [Roles.Specialist], Stp),
                     citizen,
                 })
        {
            await (await client.PostAsJsonAsync(url, body, ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await desk.PostAsJsonAsync("/api/v1/procedures/NO-SUCH/desk-consents", body, ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        var acts = (await citizen.GetOkAsync("/api/v1/documents/desk-consents")).EnumerateArray().ToArray();
        Assert.Equal("signed-consent-form", Assert.Single(acts).GetProperty("basis").GetString()); // the refused ones left nothing
        await (await desk.ReadAsync("/api/v1/documents/desk-consents")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_grant_to_the_unit_lets_its_desk_cite_the_document()
    {
        var (owner, citizen, card) = await CitizenWithCardAsync();
        var desk = await _host.ClientAsync("desk-stp-consent-grant", [Roles.DeskOfficer], Stp);
        var specialist = await _host.ClientAsync("spec-stp-consent-grant", [Roles.Specialist], Stp);
        await citizen.PostOkAsync($"/api/v1/documents/{card}/grants", new { unit = Stp, purpose = "Cấp phiếu lý lịch tư pháp", until = DateTimeOffset.UtcNow.AddDays(3) });

        await desk.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake(Procedure, owner, [card]));
        Assert.Equal(HttpStatusCode.OK, (await specialist.ReadAsync($"/api/v1/documents/{card}/content")).StatusCode);
        var reuse = Assert.Single(await LogAsync(citizen, card), e => e.GetProperty("kind").GetString() == "reuse");
        Assert.Contains("grant", reuse.GetProperty("purpose").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizens_own_online_submission_citing_their_documents_keeps_working()
    {
        var (owner, citizen, card) = await CitizenWithCardAsync();
        var dossier = await citizen.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake(Procedure, owner, [card], "Online"));
        Assert.Equal([card], dossier.GetProperty("documentIds").EnumerateArray().Select(d => d.GetGuid()).ToArray());
    }

    [Fact]
    public async Task A_supplement_or_a_result_citing_a_citizens_documents_without_consent_is_refused()
    {
        var (owner, citizen, card) = await CitizenWithCardAsync();
        var desk = await _host.ClientAsync("desk-stp-consent-later", [Roles.DeskOfficer], Stp);
        var specialist = await _host.ClientAsync("spec-stp-consent-later", [Roles.Specialist], Stp);
        var leader = await _host.ClientAsync("lead-stp-consent-later", [Roles.Leader], Stp);

        var supplemented = (await desk.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake(Procedure, owner, []))).GetProperty("id").GetGuid();
        await specialist.PostOkAsync($"/api/v1/dossiers/{supplemented}/request-supplement", new { reason = "Thiếu bản chụp căn cước" });
        var refused = await (await desk.PostAsJsonAsync($"/api/v1/dossiers/{supplemented}/supplement", new { documentIds = new[] { card } }, TestContext.Current.CancellationToken))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(ConsentRequired, refused.GetProperty("code").GetString());

        var issued = (await desk.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake(Procedure, owner, []))).GetProperty("id").GetGuid();
        await specialist.PostOkAsync($"/api/v1/dossiers/{issued}/complete-step", new { });
        await leader.PostOkAsync($"/api/v1/dossiers/{issued}/approve", new { });
        refused = await (await desk.PostAsJsonAsync($"/api/v1/dossiers/{issued}/issue-result", new { documentIds = new[] { card } }, TestContext.Current.CancellationToken))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(ConsentRequired, refused.GetProperty("code").GetString());

        Assert.Equal(0, await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.document_references where document_id = '{card}'"));
        await (await specialist.ReadAsync($"/api/v1/documents/{card}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // The citizen supplying their own paper needs nothing more.
        await citizen.PostOkAsync($"/api/v1/dossiers/{supplemented}/supplement", new { documentIds = new[] { card } });
    }

    private async Task<(string Owner, HttpClient Citizen, Guid Card)> CitizenWithCardAsync()
    {
        var owner = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);
        var card = (await citizen.UploadOkAsync(Files.Pdf(6000), "identity-card", owner)).GetProperty("id").GetGuid();
        return (owner, citizen, card);
    }

    private static string PrefillUrl(string owner) => $"/api/v1/procedures/{Procedure}/prefill?ownerIdNumber={owner}";

    private static async Task<JsonElement> DeclareAsync(HttpClient desk, string owner, string reason)
    {
        var response = await desk.PostAsJsonAsync($"/api/v1/procedures/{Procedure}/desk-consents",
            new { ownerIdNumber = owner, basis = "present-identity-checked", reason }, TestContext.Current.CancellationToken);
        var json = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"declaring the desk act answered {(int)response.StatusCode}: {json}");
        return json;
    }

    private static async Task<JsonElement[]> LogAsync(HttpClient owner, Guid document) =>
        [.. (await owner.GetOkAsync($"/api/v1/documents/{document}/access-log")).EnumerateArray()];

    private static async Task AssertInvalid(HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on '{field}': {problem}");
    }
}
