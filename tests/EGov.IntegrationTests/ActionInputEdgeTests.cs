using System.Net;
using System.Net.Http.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// The action URL is parsed at the edge into a typed command: an unknown action is a 404, a missing field a 400 naming
/// it, and that 400 is given only to a caller who may take the action now (403 first, as the decider orders it).
/// </summary>
public sealed class ActionInputEdgeTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    private async Task<(HttpClient Desk, HttpClient Leader, string Url)> ReceivedDossierAsync()
    {
        var desk = await _host.ClientAsync("desk-edge", [Roles.DeskOfficer], "STP");
        var leader = await _host.ClientAsync("leader-edge", [Roles.Leader], "STP");
        var dossier = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        return (desk, leader, $"/api/v1/dossiers/{dossier.GetProperty("id").GetString()}");
    }

    private static async Task<(HttpStatusCode Status, string? Code, string Fields)> PostAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, TestContext.Current.CancellationToken);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        var code = problem.TryGetProperty("code", out var c) ? c.GetString() : null;
        var fields = problem.TryGetProperty("errors", out var e) ? string.Join(",", e.EnumerateObject().Select(p => p.Name)) : "";
        return (response.StatusCode, code, fields);
    }

    [Fact]
    public async Task A_missing_required_field_is_a_400_naming_it()
    {
        var (_, leader, url) = await ReceivedDossierAsync();

        Assert.Equal((HttpStatusCode.BadRequest, "invalid-input", "workingDays"), await PostAsync(leader, $"{url}/extend", new { reason = "Cần xác minh thêm" }));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid-input", "reason"), await PostAsync(leader, $"{url}/extend", new { workingDays = 2 }));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid-input", "reason"), await PostAsync(leader, $"{url}/stop", new { reason = "   " }));
    }

    [Fact]
    public async Task A_caller_who_may_not_take_the_action_gets_403_not_400_for_a_missing_field()
    {
        var (desk, _, url) = await ReceivedDossierAsync();

        var (status, code, _) = await PostAsync(desk, $"{url}/extend", new { reason = "Cần xác minh thêm" });

        Assert.Equal((HttpStatusCode.Forbidden, "not-your-action"), (status, code));
    }

    [Fact]
    public async Task An_action_the_status_forbids_is_422_before_a_missing_field()
    {
        var (_, leader, url) = await ReceivedDossierAsync();

        // A received dossier has not been delivered: rating it is not allowed now, whatever the body holds.
        var (status, code, _) = await PostAsync(leader, $"{url}/rate", new { });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "not-allowed-in-state"), (status, code));
    }

    [Fact]
    public async Task An_unknown_action_is_404_whatever_the_body()
    {
        var (_, leader, url) = await ReceivedDossierAsync();

        var (status, code, _) = await PostAsync(leader, $"{url}/approve-everything", new { });

        Assert.Equal((HttpStatusCode.NotFound, "unknown-action"), (status, code));
    }
}
