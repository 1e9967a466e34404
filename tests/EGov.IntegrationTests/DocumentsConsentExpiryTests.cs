using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// A desk act is one visit to the counter, not a standing grant: once <c>Documents:DeskConsentMinutes</c> have passed
/// the desk can neither list nor cite the citizen's documents again, while a retried intake still names its dossier.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class DocumentsConsentExpiryTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_desk_act_ends_after_its_minutes_and_a_retried_intake_still_names_its_dossier()
    {
        var travel = new TimeTravel(DateTimeOffset.UtcNow);
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Documents:DeskConsentMinutes"] = "30" }, travel.Clock);
        var owner = Api.NewCitizenId();
        var citizen = await host.ClientAsync($"c-{owner}", [Roles.Citizen], citizenId: owner);
        var desk = await host.ClientAsync("desk-stp-expiry", [Roles.DeskOfficer], "STP");
        var card = (await citizen.UploadOkAsync(Files.Pdf(7000), "identity-card", owner)).GetProperty("id").GetGuid();
        var prefill = $"/api/v1/procedures/TP-LLTP-01/prefill?ownerIdNumber={owner}";
        var key = Guid.NewGuid().ToString();

        var act = await desk.DeclareConsentAsync("TP-LLTP-01", owner);
        await desk.GetOkAsync(prefill);
        var (status, first) = await IntakeAsync(desk, owner, card, key);
        Assert.Equal(HttpStatusCode.Created, status);

        await travel.ToAsync(host.ConnectionString, travel.Now.AddMinutes(31));
        var refused = await (await desk.ReadAsync(prefill)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("document-consent-required", refused.GetProperty("code").GetString());
        var (again, retried) = await IntakeAsync(desk, owner, card, key);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(first.GetProperty("id").GetGuid(), retried.GetProperty("id").GetGuid());
        var (fresh, problem) = await IntakeAsync(desk, owner, card, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Forbidden, fresh);
        Assert.Equal("document-consent-required", problem.GetProperty("code").GetString());

        var listed = Assert.Single((await citizen.GetOkAsync("/api/v1/documents/desk-consents")).EnumerateArray());
        Assert.Equal(act.GetProperty("id").GetGuid(), listed.GetProperty("id").GetGuid());
        Assert.False(listed.GetProperty("active").GetBoolean());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> IntakeAsync(HttpClient desk, string owner, Guid card, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(DocumentsApi.Intake("TP-LLTP-01", owner, [card])) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await desk.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.ReadJsonAsync());
    }
}
