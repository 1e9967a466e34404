using System.Net;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>The one-stop forms are rendered from the dossier's events when read, and downloadable by its readers only.</summary>
public sealed class DossierFormsTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task Each_form_appears_with_the_event_that_calls_for_it_and_reads_as_printable_Vietnamese_html()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await _host.ClientAsync("desk-forms", [Roles.DeskOfficer], "STP");
        var specialist = await _host.ClientAsync("spec-forms", [Roles.Specialist], "STP");
        var leader = await _host.ClientAsync("lead-forms", [Roles.Leader], "STP");

        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();
        var code = d.GetProperty("code").GetString()!;
        Assert.Equal(["01", "06"], await FormNumbers(desk, id));

        await leader.PostOkAsync($"/api/v1/dossiers/{id}/extend", new { reason = "Chờ kết quả xác minh", workingDays = 3 });
        Assert.Equal(["01", "04", "06"], await FormNumbers(desk, id));

        await specialist.PostOkAsync($"/api/v1/dossiers/{id}/request-supplement", new { reason = "Thiếu bản chụp căn cước" });
        await leader.PostOkAsync($"/api/v1/dossiers/{id}/stop", new { reason = "Người yêu cầu đề nghị dừng" });
        var forms = await List(desk, id);
        Assert.Equal(["01", "04", "02", "05", "06"], forms.Select(f => f.GetProperty("form").GetString()));

        var receipt = await desk.GetAsync(forms[0].GetProperty("href").GetString(), ct);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("text/html", receipt.Content.Headers.ContentType!.MediaType);
        Assert.Contains("sandbox", receipt.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await receipt.Content.ReadAsStringAsync(ct);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", html, StringComparison.Ordinal);
        Assert.Contains(code, html, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Bình", html, StringComparison.Ordinal);

        var slip = await (await desk.GetAsync(forms[^1].GetProperty("href").GetString(), ct)).Content.ReadAsStringAsync(ct);
        Assert.Contains("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", slip, StringComparison.Ordinal);
        Assert.Contains("Dừng giải quyết", slip, StringComparison.Ordinal);

        var download = await desk.GetAsync(forms[2].GetProperty("href").GetString() + "?download=true", ct);
        Assert.Equal($"{code}-mau-02.html", download.Content.Headers.ContentDisposition!.FileName);
        Assert.Contains("Thiếu bản chụp căn cước", await download.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_form_is_stored_at_commit_and_each_printed_form_is_the_bytes_its_listed_hash_names()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await _host.ClientAsync("desk-forms-h", [Roles.DeskOfficer], "STP");
        var leader = await _host.ClientAsync("lead-forms-h", [Roles.Leader], "STP");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        await leader.PostOkAsync($"/api/v1/dossiers/{id}/extend", new { reason = "Chờ kết quả xác minh", workingDays = 3 });

        // Forms are rendered on read (issue 16): the table earlier releases wrote them to is not even created.
        Assert.Equal(0, await Database.CountAsync(_host.ConnectionString,
            "select count(*) from pg_tables where schemaname = 'egov' and tablename = 'mt_doc_dossierform'"));

        var forms = await List(desk, id);
        Assert.Equal(["01", "04", "06"], forms.Select(f => f.GetProperty("form").GetString()));
        foreach (var form in forms)
        {
            var response = await desk.GetAsync(form.GetProperty("href").GetString(), ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            Assert.Equal(form.GetProperty("sha256").GetString(), sha);
            Assert.Equal($"\"{sha}\"", response.Headers.ETag!.Tag);
        }

        // Read again: the same list, the same bytes.
        Assert.Equal(forms.Select(f => f.ToString()), (await List(desk, id)).Select(f => f.ToString()));
    }

    [Fact]
    public async Task An_online_dossier_refused_at_intake_gets_form_03_and_the_applicant_can_download_it()
    {
        var citizenId = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"c-{citizenId}", [Roles.Citizen], citizenId: citizenId);
        var desk = await _host.ClientAsync("desk-forms-x", [Roles.DeskOfficer], "XA-TANDINH");

        var d = await citizen.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-HT-KH-01", citizenId, "Online"));
        var id = d.GetProperty("id").GetGuid();
        Assert.Empty(await FormNumbers(citizen, id));

        await desk.PostOkAsync($"/api/v1/dossiers/{id}/refuse", new { reason = "Không thuộc thẩm quyền giải quyết" });
        var forms = await List(citizen, id);
        Assert.Equal(["03"], forms.Select(f => f.GetProperty("form").GetString()));
        var html = await (await citizen.GetAsync(forms[0].GetProperty("href").GetString(), TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Không thuộc thẩm quyền giải quyết", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_readers_of_the_dossier_see_its_forms_and_a_form_is_only_found_under_its_own_dossier()
    {
        var ct = TestContext.Current.CancellationToken;
        var citizenId = Api.NewCitizenId();
        var desk = await _host.ClientAsync("desk-forms-a", [Roles.DeskOfficer], "STP");
        var applicant = await _host.ClientAsync($"c-{citizenId}", [Roles.Citizen], citizenId: citizenId);
        var otherCitizen = await _host.ClientAsync("c-other", [Roles.Citizen], citizenId: Api.NewCitizenId());
        var otherUnit = await _host.ClientAsync("desk-other", [Roles.DeskOfficer, Roles.Leader], "XA-TANDINH");

        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01", citizenId))).GetProperty("id").GetGuid();
        var other = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        var href = (await List(desk, id))[0].GetProperty("href").GetString()!;
        var formId = href.Split('/')[^1];

        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync(href, ct)).StatusCode);
        foreach (var stranger in new[] { otherCitizen, otherUnit })
        {
            await AssertNotFound(await stranger.GetAsync($"/api/v1/dossiers/{id}/forms", ct));
            await AssertNotFound(await stranger.GetAsync(href, ct));
        }

        await AssertNotFound(await desk.GetAsync($"/api/v1/dossiers/{other}/forms/{formId}", ct));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().GetAsync(href, ct)).StatusCode);
    }

    private static async Task AssertNotFound(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        await Task.CompletedTask;
    }

    private static async Task<JsonElement[]> List(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/v1/dossiers/{id}/forms", TestContext.Current.CancellationToken);
        var json = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return [.. json.EnumerateArray()];
    }

    private static async Task<string?[]> FormNumbers(HttpClient client, Guid id) =>
        [.. (await List(client, id)).Select(f => f.GetProperty("form").GetString())];
}
