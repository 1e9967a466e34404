using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Every allow and deny case of issue 5, point 4: the owner; officers of a unit processing an open dossier of the
/// owner that cites the document; holders of a grant; the access log. 404 where existence must not leak, 403
/// where the caller may know the document exists; always problem+json.
/// </summary>
public sealed class DocumentsAccessTests(PlatformFixture platform)
{
    private const string Stp = "STP";
    private const string Commune = "XA-TANDINH";
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task The_owner_reads_metadata_and_bytes_strangers_get_404_and_an_administrator_403()
    {
        var (owner, citizen, id, bytes) = await OwnedDocumentAsync();
        var stranger = await Citizen(Api.NewCitizenId());
        var officer = await _host.ClientAsync("spec-stp-stranger", [Roles.Specialist], Stp);
        var admin = await _host.ClientAsync("admin-docs", [Roles.Admin]);

        Assert.Equal(owner, (await citizen.GetOkAsync($"/api/v1/documents/{id}")).GetProperty("ownerIdNumber").GetString());
        Assert.Equal(bytes, await (await citizen.ReadAsync($"/api/v1/documents/{id}/content")).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        foreach (var url in new[] { $"/api/v1/documents/{id}", $"/api/v1/documents/{id}/content" })
        {
            await (await stranger.ReadAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await officer.ReadAsync(url)).AssertProblemAsync(HttpStatusCode.NotFound);
            await (await admin.ReadAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await citizen.ReadAsync($"/api/v1/documents/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _host.CreateClient().GetAsync($"/api/v1/documents/{id}", TestContext.Current.CancellationToken)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Officers_of_the_unit_processing_an_open_dossier_of_the_owner_read_it_until_the_dossier_closes()
    {
        var (owner, _, id, bytes) = await OwnedDocumentAsync();
        var desk = await _host.ClientAsync("desk-stp-docs", [Roles.DeskOfficer], Stp);
        var specialist = await _host.ClientAsync("spec-stp-docs", [Roles.Specialist], Stp);
        var communeOfficer = await _host.ClientAsync("spec-xa-docs", [Roles.Specialist], Commune);
        await desk.DeclareConsentAsync("TP-LLTP-01", owner);

        var dossier = await desk.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake("TP-LLTP-01", owner, [id]));
        var dossierId = dossier.GetProperty("id").GetGuid();

        Assert.Equal(id, (await specialist.GetOkAsync($"/api/v1/documents/{id}")).GetProperty("id").GetGuid());
        Assert.Equal(bytes, await (await specialist.ReadAsync($"/api/v1/documents/{id}/content")).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        await (await communeOfficer.ReadAsync($"/api/v1/documents/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        await desk.PostOkAsync($"/api/v1/dossiers/{dossierId}/withdraw", new { reason = "Công dân rút hồ sơ" });
        await (await specialist.ReadAsync($"/api/v1/documents/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await specialist.ReadAsync($"/api/v1/documents/{id}/content")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_dossier_of_another_applicant_citing_the_document_opens_nothing()
    {
        var (_, _, id, _) = await OwnedDocumentAsync();
        var desk = await _host.ClientAsync("desk-stp-thief", [Roles.DeskOfficer], Stp);
        var specialist = await _host.ClientAsync("spec-stp-thief", [Roles.Specialist], Stp);

        await desk.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake("TP-LLTP-01", Api.NewCitizenId(), [id]));
        await (await specialist.ReadAsync($"/api/v1/documents/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await specialist.ReadAsync($"/api/v1/documents/{id}/content")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_grant_lets_the_units_officers_read_until_it_is_revoked_or_expires()
    {
        var (_, citizen, id, _) = await OwnedDocumentAsync();
        var stpOfficer = await _host.ClientAsync("lead-stp-grant", [Roles.Leader], Stp);
        var communeOfficer = await _host.ClientAsync("desk-xa-grant", [Roles.DeskOfficer], Commune);

        var response = await citizen.PostAsJsonAsync($"/api/v1/documents/{id}/grants",
            new { unit = Stp, purpose = "Xác minh nhân thân để cấp phiếu lý lịch tư pháp", until = DateTimeOffset.UtcNow.AddDays(7) }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var grant = await response.ReadJsonAsync();
        Assert.True(grant.GetProperty("active").GetBoolean());
        var grantId = grant.GetProperty("id").GetGuid();

        await stpOfficer.GetOkAsync($"/api/v1/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, (await stpOfficer.ReadAsync($"/api/v1/documents/{id}/content")).StatusCode);
        await (await communeOfficer.ReadAsync($"/api/v1/documents/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var revoked = await citizen.DeleteAsync($"/api/v1/documents/{id}/grants/{grantId}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await (await stpOfficer.ReadAsync($"/api/v1/documents/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stpOfficer.ReadAsync($"/api/v1/documents/{id}/content")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var grants = await citizen.GetOkAsync($"/api/v1/documents/{id}/grants");
        Assert.False(Assert.Single(grants.EnumerateArray()).GetProperty("active").GetBoolean());

        // A short grant to the commune: readable now, not once its time is up.
        await citizen.PostOkAsync($"/api/v1/documents/{id}/grants", new { unit = Commune, purpose = "Đăng ký kết hôn", until = DateTimeOffset.UtcNow.AddSeconds(2) });
        await communeOfficer.GetOkAsync($"/api/v1/documents/{id}");
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        await (await communeOfficer.ReadAsync($"/api/v1/documents/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_grant_needs_a_known_unit_a_purpose_and_a_future_end_within_the_maximum()
    {
        var (_, citizen, id, _) = await OwnedDocumentAsync();
        var url = $"/api/v1/documents/{id}/grants";

        await AssertInvalid(await citizen.PostAsJsonAsync(url, new { unit = "NO-SUCH-UNIT", purpose = "x", until = DateTimeOffset.UtcNow.AddDays(1) }, TestContext.Current.CancellationToken), "unit");
        await AssertInvalid(await citizen.PostAsJsonAsync(url, new { unit = Stp, purpose = " ", until = DateTimeOffset.UtcNow.AddDays(1) }, TestContext.Current.CancellationToken), "purpose");
        await AssertInvalid(await citizen.PostAsJsonAsync(url, new { unit = Stp, purpose = "x", until = DateTimeOffset.UtcNow.AddMinutes(-1) }, TestContext.Current.CancellationToken), "until");
        await AssertInvalid(await citizen.PostAsJsonAsync(url, new { unit = Stp, purpose = "x", until = DateTimeOffset.UtcNow.AddYears(2) }, TestContext.Current.CancellationToken), "until");
        Assert.Empty((await citizen.GetOkAsync(url)).EnumerateArray());
    }

    [Fact]
    public async Task Only_the_owner_grants_revokes_and_deletes()
    {
        var (_, citizen, id, _) = await OwnedDocumentAsync();
        var grant = await citizen.PostOkAsync($"/api/v1/documents/{id}/grants", new { unit = Stp, purpose = "Tra cứu", until = DateTimeOffset.UtcNow.AddDays(1) });
        var grantId = grant.GetProperty("id").GetGuid();
        var holder = await _host.ClientAsync("spec-stp-holder", [Roles.Specialist], Stp);
        var stranger = await Citizen(Api.NewCitizenId());
        var admin = await _host.ClientAsync("admin-docs-2", [Roles.Admin]);
        var body = new { unit = Commune, purpose = "Chia sẻ tiếp", until = DateTimeOffset.UtcNow.AddDays(1) };

        foreach (var (client, status) in new[] { (holder, HttpStatusCode.Forbidden), (admin, HttpStatusCode.Forbidden), (stranger, HttpStatusCode.NotFound) })
        {
            await (await client.PostAsJsonAsync($"/api/v1/documents/{id}/grants", body, TestContext.Current.CancellationToken)).AssertProblemAsync(status);
            await (await client.DeleteAsync($"/api/v1/documents/{id}/grants/{grantId}", TestContext.Current.CancellationToken)).AssertProblemAsync(status);
            await (await client.DeleteAsync($"/api/v1/documents/{id}", TestContext.Current.CancellationToken)).AssertProblemAsync(status);
            await (await client.ReadAsync($"/api/v1/documents/{id}/grants")).AssertProblemAsync(status);
        }

        await (await citizen.DeleteAsync($"/api/v1/documents/{id}/grants/{Guid.NewGuid()}", TestContext.Current.CancellationToken)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.True((await citizen.GetOkAsync($"/api/v1/documents/{id}/grants"))[0].GetProperty("active").GetBoolean());
        await holder.GetOkAsync($"/api/v1/documents/{id}"); // nothing above took the grant away
    }

    [Fact]
    public async Task Every_read_is_in_the_access_log_with_actor_unit_and_purpose_and_only_the_owner_and_administrators_see_it()
    {
        var (owner, citizen, id, _) = await OwnedDocumentAsync();
        var desk = await _host.ClientAsync("desk-stp-log", [Roles.DeskOfficer], Stp);
        var specialist = await _host.ClientAsync("spec-stp-log", [Roles.Specialist], Stp);
        var communeDesk = await _host.ClientAsync("desk-xa-log", [Roles.DeskOfficer], Commune);
        var stranger = await Citizen(Api.NewCitizenId());
        var admin = await _host.ClientAsync("admin-log", [Roles.Admin]);

        await citizen.GetOkAsync($"/api/v1/documents/{id}");
        await desk.DeclareConsentAsync("TP-LLTP-01", owner);
        var code = (await desk.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake("TP-LLTP-01", owner, [id]))).GetProperty("code").GetString();
        Assert.Equal(HttpStatusCode.OK, (await specialist.ReadAsync($"/api/v1/documents/{id}/content")).StatusCode);
        await citizen.PostOkAsync($"/api/v1/documents/{id}/grants", new { unit = Commune, purpose = "Đăng ký kết hôn", until = DateTimeOffset.UtcNow.AddDays(1) });
        await communeDesk.GetOkAsync($"/api/v1/documents/{id}");
        await citizen.GetOkAsync($"/api/v1/documents?ownerIdNumber={owner}");

        // Refused reads are not reads: they leave no entry.
        await (await stranger.ReadAsync($"/api/v1/documents/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.ReadAsync($"/api/v1/documents/{id}/content")).AssertProblemAsync(HttpStatusCode.Forbidden);

        var log = (await citizen.GetOkAsync($"/api/v1/documents/{id}/access-log")).EnumerateArray().ToArray();
        var rows = log.Select(e => (Actor: e.GetProperty("actor").GetString(), Unit: Str(e, "unit"), Kind: e.GetProperty("kind").GetString())).ToArray();
        Assert.Equal(
            [
                ($"c-{owner}", null, "metadata"), ("desk-stp-log", Stp, "desk-consent"), ("desk-stp-log", Stp, "reuse"), ("spec-stp-log", Stp, "content"),
                ("desk-xa-log", Commune, "metadata"), ($"c-{owner}", null, "list"),
            ],
            rows);
        Assert.Equal("owner", log[0].GetProperty("purpose").GetString());
        Assert.Contains("present-identity-checked", log[1].GetProperty("purpose").GetString(), StringComparison.Ordinal);
        Assert.Contains(code!, log[3].GetProperty("purpose").GetString(), StringComparison.Ordinal);
        Assert.Contains("Đăng ký kết hôn", log[4].GetProperty("purpose").GetString(), StringComparison.Ordinal);
        Assert.All(log, e => Assert.Equal(TimeSpan.FromHours(7), e.GetProperty("at").GetDateTimeOffset().Offset));
        var times = log.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToArray();
        Assert.Equal(times.Order(), times);

        Assert.Equal(log.Length, (await admin.GetOkAsync($"/api/v1/documents/{id}/access-log")).GetArrayLength());
        await (await specialist.ReadAsync($"/api/v1/documents/{id}/access-log")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.ReadAsync($"/api/v1/documents/{id}/access-log")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_owner_lists_every_document_an_officer_only_those_shared_with_their_unit()
    {
        var (owner, citizen, first, _) = await OwnedDocumentAsync();
        var second = (await citizen.UploadOkAsync(Files.Png(), "birth-certificate", owner, "image/png")).GetProperty("id").GetGuid();
        var stpOfficer = await _host.ClientAsync("spec-stp-list", [Roles.Specialist], Stp);
        var communeOfficer = await _host.ClientAsync("spec-xa-list", [Roles.Specialist], Commune);
        var stranger = await Citizen(Api.NewCitizenId());

        var all = await citizen.GetOkAsync("/api/v1/documents"); // a citizen's own, without naming themself
        Assert.Equal(new[] { first, second }.Order(), all.EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).Order());

        await citizen.PostOkAsync($"/api/v1/documents/{second}/grants", new { unit = Stp, purpose = "Tra cứu", until = DateTimeOffset.UtcNow.AddDays(1) });
        var shared = await stpOfficer.GetOkAsync($"/api/v1/documents?ownerIdNumber={owner}");
        Assert.Equal(second, Assert.Single(shared.EnumerateArray()).GetProperty("id").GetGuid());

        await (await communeOfficer.ReadAsync($"/api/v1/documents?ownerIdNumber={owner}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.ReadAsync($"/api/v1/documents?ownerIdNumber={owner}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stpOfficer.ReadAsync("/api/v1/documents")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<(string Owner, HttpClient Citizen, Guid Id, byte[] Bytes)> OwnedDocumentAsync()
    {
        var owner = Api.NewCitizenId();
        var citizen = await Citizen(owner);
        var bytes = Files.Pdf(10_000);
        var id = (await citizen.UploadOkAsync(bytes, "identity-card", owner)).GetProperty("id").GetGuid();
        return (owner, citizen, id, bytes);
    }

    private Task<HttpClient> Citizen(string id) => _host.ClientAsync($"c-{id}", [Roles.Citizen], citizenId: id);

    private static string? Str(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetString();

    private static async Task AssertInvalid(HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on '{field}': {problem}");
    }
}
