using System.Net;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Once-only: a paper in the vault serves every procedure that needs it, a procedure's result becomes a paper the
/// next one reuses, and what dossiers cite is kept.
/// </summary>
public sealed class DocumentsReuseTests(PlatformFixture platform)
{
    private const string Stp = "STP";
    private const string Commune = "XA-TANDINH";
    private const string FinanceCommune = "XA-PHUNHUAN"; // the Finance module's commune unit
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task An_identity_card_uploaded_once_serves_procedures_of_two_modules_at_two_units_with_no_second_upload()
    {
        var owner = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);
        var card = (await citizen.UploadOkAsync(Files.Jpeg(50_000), "identity-card", owner, "image/jpeg")).GetProperty("id").GetGuid();

        var prefill = await citizen.GetOkAsync($"/api/v1/procedures/TP-LLTP-01/prefill?ownerIdNumber={owner}");
        var identity = Requirement(prefill, "identity-card");
        Assert.True(identity.GetProperty("met").GetBoolean());
        Assert.Equal(card, Assert.Single(identity.GetProperty("documents").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.False(Requirement(prefill, "residence-confirmation").GetProperty("met").GetBoolean());
        Assert.Equal(["criminal-record-request"], prefill.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToArray());
        Assert.Equal([card], prefill.GetProperty("documentIds").EnumerateArray().Select(d => d.GetGuid()).ToArray());

        // Department of Justice: online dossier citing the vault's card, received at the desk, read by the specialist.
        var first = await citizen.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake("TP-LLTP-01", owner, [card], "Online"));
        var stpDesk = await _host.ClientAsync("desk-stp-reuse", [Roles.DeskOfficer], Stp);
        await stpDesk.PostOkAsync($"/api/v1/dossiers/{first.GetProperty("id").GetGuid()}/receive", new { });
        var stpSpecialist = await _host.ClientAsync("spec-stp-reuse", [Roles.Specialist], Stp);
        Assert.Equal(HttpStatusCode.OK, (await stpSpecialist.ReadAsync($"/api/v1/documents/{card}/content")).StatusCode);

        // The Finance module's commune desk: household business registration citing the same card, nothing uploaded again.
        var communeDesk = await _host.ClientAsync("desk-hkd-reuse", [Roles.DeskOfficer], FinanceCommune);
        await communeDesk.DeclareConsentAsync("TC-HKD-01", owner);
        var communePrefill = await communeDesk.GetOkAsync($"/api/v1/procedures/TC-HKD-01/prefill?ownerIdNumber={owner}");
        Assert.True(Requirement(communePrefill, "identity-card").GetProperty("met").GetBoolean());
        var second = await communeDesk.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake("TC-HKD-01", owner, [card]));
        var communeSpecialist = await _host.ClientAsync("spec-hkd-reuse", [Roles.Specialist], FinanceCommune);
        Assert.Equal(HttpStatusCode.OK, (await communeSpecialist.ReadAsync($"/api/v1/documents/{card}/content")).StatusCode);

        Assert.Equal([card], (await citizen.GetOkAsync($"/api/v1/dossiers/{second.GetProperty("id").GetGuid()}")).GetProperty("documentIds").EnumerateArray().Select(d => d.GetGuid()).ToArray());
        Assert.Equal(1, await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.mt_doc_vaultdocument where data->>'ownerIdNumber' = '{owner}'"));
        var units = (await citizen.GetOkAsync($"/api/v1/documents/{card}/access-log")).EnumerateArray()
            .Select(e => e.GetProperty("unit").ValueKind == JsonValueKind.Null ? null : e.GetProperty("unit").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { Stp, FinanceCommune }, units);
    }

    [Fact]
    public async Task Prefill_is_for_the_owner_or_a_desk_officer_of_the_procedures_unit()
    {
        var owner = Api.NewCitizenId();
        var url = $"/api/v1/procedures/TP-LLTP-01/prefill?ownerIdNumber={owner}";
        var stpDesk = await _host.ClientAsync("desk-stp-prefill", [Roles.DeskOfficer], Stp);
        await stpDesk.DeclareConsentAsync("TP-LLTP-01", owner);
        await stpDesk.GetOkAsync(url);

        await (await (await _host.ClientAsync("desk-xa-prefill", [Roles.DeskOfficer], Commune)).ReadAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await (await _host.ClientAsync("spec-stp-prefill", [Roles.Specialist], Stp)).ReadAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var other = Api.NewCitizenId();
        await (await (await _host.ClientAsync($"c-{other}", [Roles.Citizen], citizenId: other)).ReadAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var owners = await _host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);
        await (await owners.ReadAsync($"/api/v1/procedures/NO-SUCH/prefill?ownerIdNumber={owner}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_result_issued_by_one_procedure_becomes_a_vault_document_the_next_procedure_reuses()
    {
        var owner = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);
        var desk = await _host.ClientAsync("desk-xa-result", [Roles.DeskOfficer], Commune);
        var specialist = await _host.ClientAsync("spec-xa-result", [Roles.Specialist], Commune);
        var chair = await _host.ClientAsync("lead-xa-result", [Roles.Leader], Commune);

        var card = (await citizen.UploadOkAsync(Files.Pdf(), "identity-card", owner)).GetProperty("id").GetGuid();
        await desk.DeclareConsentAsync("TP-HT-KH-01", owner);
        var marriage = await desk.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake("TP-HT-KH-01", owner, [card]));
        var dossierId = marriage.GetProperty("id").GetGuid();
        await specialist.PostOkAsync($"/api/v1/dossiers/{dossierId}/complete-step", new { });
        await chair.PostOkAsync($"/api/v1/dossiers/{dossierId}/approve", new { });

        // The commune issues the marriage certificate as an electronic document into the applicant's vault.
        var certificate = (await desk.UploadOkAsync(Files.Xml("GiayChungNhanKetHon"), "marriage-certificate", owner, "application/xml")).GetProperty("id").GetGuid();
        var issued = await desk.PostOkAsync($"/api/v1/dossiers/{dossierId}/issue-result", new { documentIds = new[] { certificate } });
        Assert.Equal([certificate], issued.GetProperty("resultDocumentIds").EnumerateArray().Select(d => d.GetGuid()).ToArray());

        var metadata = await citizen.GetOkAsync($"/api/v1/documents/{certificate}");
        var issuedBy = metadata.GetProperty("issuedBy");
        Assert.Equal(marriage.GetProperty("code").GetString(), issuedBy.GetProperty("dossierCode").GetString());
        Assert.Equal("TP-HT-KH-01", issuedBy.GetProperty("procedureCode").GetString());
        Assert.Equal(Commune, issuedBy.GetProperty("unit").GetString());
        Assert.Equal(Commune, metadata.GetProperty("issuer").GetString());
        Assert.NotEqual(JsonValueKind.Null, metadata.GetProperty("issuedOn").ValueKind);

        // The next procedure (birth registration needs the parents' marriage certificate) finds it, no upload needed.
        var prefill = await citizen.GetOkAsync($"/api/v1/procedures/TP-HT-KS-01/prefill?ownerIdNumber={owner}");
        Assert.Equal(certificate, Assert.Single(Requirement(prefill, "marriage-certificate").GetProperty("documents").EnumerateArray()).GetProperty("id").GetGuid());
        var ids = prefill.GetProperty("documentIds").EnumerateArray().Select(d => d.GetGuid()).ToArray();
        Assert.Equal(new[] { card, certificate }.Order(), ids.Order());
        var birth = await citizen.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake("TP-HT-KS-01", owner, ids, "Online"));
        Assert.Contains(certificate, birth.GetProperty("documentIds").EnumerateArray().Select(d => d.GetGuid()));

        // The birth dossier the commune now processes cites the certificate: its officers read it for that reason.
        await desk.PostOkAsync($"/api/v1/dossiers/{birth.GetProperty("id").GetGuid()}/receive", new { });
        await specialist.GetOkAsync($"/api/v1/documents/{certificate}");

        // Papers a dossier cites are part of its record: the owner cannot delete them.
        await (await citizen.DeleteAsync($"/api/v1/documents/{certificate}", TestContext.Current.CancellationToken)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await citizen.DeleteAsync($"/api/v1/documents/{card}", TestContext.Current.CancellationToken)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_officer_of_the_issuing_unit_reads_a_result_while_its_dossier_is_open_and_not_after_delivery()
    {
        var owner = Api.NewCitizenId();
        var desk = await _host.ClientAsync("desk-stp-deliver", [Roles.DeskOfficer], Stp);
        var specialist = await _host.ClientAsync("spec-stp-deliver", [Roles.Specialist], Stp);
        var leader = await _host.ClientAsync("lead-stp-deliver", [Roles.Leader], Stp);

        var d = await desk.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake("TP-LLTP-01", owner, []));
        var id = d.GetProperty("id").GetGuid();
        await specialist.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        await leader.PostOkAsync($"/api/v1/dossiers/{id}/approve", new { });
        var result = (await desk.UploadOkAsync(Files.Pdf(), "criminal-record-certificate", owner)).GetProperty("id").GetGuid();
        await (await specialist.ReadAsync($"/api/v1/documents/{result}")).AssertProblemAsync(HttpStatusCode.NotFound); // not cited yet

        await desk.PostOkAsync($"/api/v1/dossiers/{id}/issue-result", new { documentIds = new[] { result } });
        await specialist.GetOkAsync($"/api/v1/documents/{result}");
        await desk.PostOkAsync($"/api/v1/dossiers/{id}/deliver", new { });
        await (await specialist.ReadAsync($"/api/v1/documents/{result}")).AssertProblemAsync(HttpStatusCode.Forbidden);

        var citizen = await _host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);
        var mine = await citizen.GetOkAsync("/api/v1/documents");
        var doc = Assert.Single(mine.EnumerateArray());
        Assert.Equal("criminal-record-certificate", doc.GetProperty("type").GetString());
        Assert.Equal(d.GetProperty("code").GetString(), doc.GetProperty("issuedBy").GetProperty("dossierCode").GetString());
    }

    [Fact]
    public async Task The_owner_deletes_a_document_no_dossier_cites_its_bytes_go_and_its_access_log_stays()
    {
        var owner = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);
        var bytes = Files.Pdf(300 * 1024);
        var id = (await citizen.UploadOkAsync(bytes, "health-certificate", owner)).GetProperty("id").GetGuid();
        await citizen.GetOkAsync($"/api/v1/documents/{id}");
        var blobKey = await Scalar($"select data->>'blobKey' from egov.mt_doc_vaultdocument where id = '{id}'");
        Assert.Equal(2, await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.document_chunks where blob_key = '{blobKey}'"));

        Assert.Equal(HttpStatusCode.NoContent, (await citizen.DeleteAsync($"/api/v1/documents/{id}", TestContext.Current.CancellationToken)).StatusCode);
        await (await citizen.ReadAsync($"/api/v1/documents/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.document_chunks where blob_key = '{blobKey}'"));

        var admin = await _host.ClientAsync("admin-retention", [Roles.Admin]);
        Assert.Equal(1, (await admin.GetOkAsync($"/api/v1/documents/{id}/access-log")).GetArrayLength());

        // Uploading the same bytes again makes the document anew.
        Assert.Equal(HttpStatusCode.Created, (await citizen.UploadAsync(bytes, "health-certificate", owner)).StatusCode);
    }

    private async Task<string> Scalar(string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(_host.ConnectionString);
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        return (string)(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private static JsonElement Requirement(JsonElement prefill, string type) =>
        prefill.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("type").GetString() == type);
}
