using System.Net;
using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.IntegrationTests;

/// <summary>
/// <c>GET /api/v1/dossiers/{id}/forms/04/draft</c> (issue 19): the prepared apology as the form 04 it would become, served
/// like the other forms, to the dossier's readers only; 404 <c>no-apology-draft</c> when there is none.
/// </summary>
public sealed class ApologyDraftFormTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync(platform.Postgres);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_drafted_apology_renders_as_form_04_with_the_proposed_appointment_and_is_not_listed_as_issued()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await _host.ClientAsync("desk-draft", [Roles.DeskOfficer], "STP");
        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();
        var code = d.GetProperty("code").GetString()!;
        var url = $"/api/v1/dossiers/{id}/forms/04/draft";

        var none = await desk.GetAsync(url, ct);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-apology-draft", (await none.ReadJsonAsync()).GetProperty("code").GetString());

        var proposed = await DraftAsync(id, 4);
        var response = await desk.GetAsync(url, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal($"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}\"", response.Headers.ETag!.Tag);
        var html = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", html, StringComparison.Ordinal);
        Assert.Contains(code, html, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Bình", html, StringComparison.Ordinal);
        Assert.Contains("gia hạn 4 ngày làm việc", html, StringComparison.Ordinal);
        var local = TimeZoneInfo.ConvertTime(proposed, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        Assert.Contains(EGov.Dossiers.Forms.FormPage.When(local), html, StringComparison.Ordinal);

        // A draft is not an issued form: the dossier's forms are still the receipt and the slip.
        var listed = (await desk.GetAsync($"/api/v1/dossiers/{id}/forms", ct)).ReadJsonAsync();
        Assert.Equal(["01", "06"], (await listed).EnumerateArray().Select(f => f.GetProperty("form").GetString()));

        var download = await desk.GetAsync(url + "?download=true", ct);
        Assert.Equal($"{code}-mau-04-du-thao.html", download.Content.Headers.ContentDisposition!.FileName);
    }

    [Fact]
    public async Task Only_readers_of_the_dossier_see_its_draft()
    {
        var ct = TestContext.Current.CancellationToken;
        var citizenId = Api.NewCitizenId();
        var desk = await _host.ClientAsync("desk-draft-a", [Roles.DeskOfficer], "STP");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01", citizenId))).GetProperty("id").GetGuid();
        await DraftAsync(id, 2);
        var url = $"/api/v1/dossiers/{id}/forms/04/draft";

        var applicant = await _host.ClientAsync($"c-{citizenId}", [Roles.Citizen], citizenId: citizenId);
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync(url, ct)).StatusCode);
        var otherUnit = await _host.ClientAsync("lead-draft-x", [Roles.DeskOfficer, Roles.Leader], "XA-TANDINH");
        var stranger = await otherUnit.GetAsync(url, ct);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal("not-found", (await stranger.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().GetAsync(url, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/api/v1/dossiers/{Guid.NewGuid()}/forms/04/draft", ct)).StatusCode);
    }

    // Until the grain records drafts on this branch, the event is appended as it would record it: through the real store,
    // whose inline projection updates the read model in the same transaction.
    private async Task<DateTimeOffset> DraftAsync(Guid id, int workingDays)
    {
        var store = _host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        var state = await session.LoadAsync<DossierState>(id, TestContext.Current.CancellationToken);
        var proposed = state!.DueAt!.Value.AddDays(workingDays + 2);
        session.Events.Append(id, new ApologyDrafted(workingDays, proposed, "at-risk", new EventMeta("system", "system", null, null, DateTimeOffset.UtcNow)));
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        return proposed;
    }
}
