using System.Net;
using System.Net.Http.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.Contract;

/// <summary>
/// ETag and If-Match on dossiers (docs/api.md): reads and actions answer the version as a strong entity tag, and an
/// action with If-Match applies only to that version (412 otherwise), the HTTP form of <c>expectedVersion</c>.
/// </summary>
public sealed class ConditionalRequestTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    [Fact]
    public async Task Reading_a_dossier_answers_its_version_as_a_strong_etag()
    {
        var (desk, id) = await DossierAsync("etag-read");

        var response = await desk.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var version = (await response.ReadJsonAsync()).GetProperty("version").GetInt64();
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal($"\"{version}\"", response.Headers.ETag.Tag);
    }

    [Fact]
    public async Task An_action_with_the_current_etag_in_if_match_applies_and_answers_the_new_etag()
    {
        var (desk, id) = await DossierAsync("etag-ok");
        var specialist = await _host.ClientAsync("etag-ok-spec", [Roles.Specialist], "STP");
        var etag = (await desk.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken)).Headers.ETag!.Tag;

        var response = await SendAsync(specialist, id, "complete-step", etag, new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var version = (await response.ReadJsonAsync()).GetProperty("version").GetInt64();
        Assert.Equal($"\"{version}\"", response.Headers.ETag?.Tag);
        Assert.NotEqual(etag, response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task An_action_with_a_stale_etag_is_412_stale_version_and_changes_nothing()
    {
        var (desk, id) = await DossierAsync("etag-stale");
        var specialist = await _host.ClientAsync("etag-stale-spec", [Roles.Specialist], "STP");
        var before = await EventsAsync(id);

        var response = await SendAsync(specialist, id, "complete-step", "\"1\"", new { });

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("stale-version", (await response.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await EventsAsync(id));
    }

    [Fact]
    public async Task The_body_field_keeps_its_409_for_a_stale_version()
    {
        var (_, id) = await DossierAsync("etag-body");
        var specialist = await _host.ClientAsync("etag-body-spec", [Roles.Specialist], "STP");

        var response = await specialist.PostAsJsonAsync($"/api/v1/dossiers/{id}/complete-step", new { expectedVersion = 1 }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("stale-version", (await response.ReadJsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_weak_etag_never_matches_if_match()
    {
        var (desk, id) = await DossierAsync("etag-weak");
        var specialist = await _host.ClientAsync("etag-weak-spec", [Roles.Specialist], "STP");
        var etag = (await desk.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken)).Headers.ETag!.Tag;

        var response = await SendAsync(specialist, id, "complete-step", "W/" + etag, new { });

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task If_match_star_asks_only_for_an_existing_dossier()
    {
        var (_, id) = await DossierAsync("etag-star");
        var specialist = await _host.ClientAsync("etag-star-spec", [Roles.Specialist], "STP");

        var response = await SendAsync(specialist, id, "complete-step", "*", new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task If_match_and_expected_version_that_disagree_are_400_naming_the_header()
    {
        var (desk, id) = await DossierAsync("etag-both");
        var specialist = await _host.ClientAsync("etag-both-spec", [Roles.Specialist], "STP");
        var etag = (await desk.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken)).Headers.ETag!.Tag;
        var before = await EventsAsync(id);

        var response = await SendAsync(specialist, id, "complete-step", etag, new { expectedVersion = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("invalid-input", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("If-Match", out _), problem.ToString());
        Assert.Equal(before, await EventsAsync(id));
    }

    [Fact]
    public async Task If_match_and_expected_version_that_agree_apply()
    {
        var (desk, id) = await DossierAsync("etag-agree");
        var specialist = await _host.ClientAsync("etag-agree-spec", [Roles.Specialist], "STP");
        var read = await desk.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken);
        var version = (await read.ReadJsonAsync()).GetProperty("version").GetInt64();

        var response = await SendAsync(specialist, id, "complete-step", read.Headers.ETag!.Tag, new { expectedVersion = version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("\"seven\"")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("\"-1\"")]
    public async Task An_if_match_that_is_no_single_entity_tag_is_400(string ifMatch)
    {
        var (_, id) = await DossierAsync("etag-bad");
        var specialist = await _host.ClientAsync("etag-bad-spec", [Roles.Specialist], "STP");

        var response = await SendAsync(specialist, id, "complete-step", ifMatch, new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("invalid-input", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("If-Match", out _), problem.ToString());
    }

    private async Task<(HttpClient Desk, Guid Id)> DossierAsync(string subject)
    {
        var desk = await _host.ClientAsync(subject, [Roles.DeskOfficer], "STP");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        return (desk, id);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Guid id, string action, string ifMatch, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{id}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private Task<long> EventsAsync(Guid id) =>
        Database.CountAsync(_host.ConnectionString, $"select count(*) from egov.mt_events where stream_id = '{id}'");
}
