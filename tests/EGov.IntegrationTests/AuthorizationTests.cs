using System.Net;
using System.Net.Http.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.IntegrationTests;

public sealed class AuthorizationTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    [Fact]
    public void Every_endpoint_declares_a_policy_or_explicit_anonymous_access()
    {
        var endpoints = _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task Without_a_token_protected_endpoints_answer_401_problem()
    {
        var anonymous = _host.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/dossiers", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_forged_token_is_rejected()
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOiJhZG1pbiJ9.c2lnbmF0dXJl");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/dossiers", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_desk_officer_of_another_unit_may_take_in_across_the_boundary_but_not_read_this_units_other_dossiers()
    {
        var ownDesk = await _host.ClientAsync("desk-own", [Roles.DeskOfficer], "STP");
        var otherDesk = await _host.ClientAsync("desk-other", [Roles.DeskOfficer], "XA-TANDINH");

        // Decree 118/2025: any desk in the province receives for any unit (docs/deadlines.md); the dossier says which desk.
        var received = await otherDesk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        Assert.Equal("STP", received.GetProperty("unit").GetString());
        Assert.Equal("XA-TANDINH", received.GetProperty("receivingUnit").GetString());

        var created = await ownDesk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await otherDesk.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_citizen_sees_their_own_dossier_and_not_someone_elses()
    {
        var desk = await _host.ClientAsync("desk-auth", [Roles.DeskOfficer], "STP");
        var ownerId = Api.NewCitizenId();
        var created = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01", ownerId));
        var id = created.GetProperty("id").GetGuid();

        var owner = await _host.ClientAsync("owner", [Roles.Citizen], citizenId: ownerId);
        var stranger = await _host.ClientAsync("stranger", [Roles.Citizen], citizenId: Api.NewCitizenId());
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken)).StatusCode);

        var strangersList = await (await stranger.GetAsync("/api/v1/dossiers", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.DoesNotContain(strangersList.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        var ownersList = await (await owner.GetAsync("/api/v1/dossiers", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Contains(ownersList.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_citizen_cannot_submit_online_for_another_person_nor_at_the_desk()
    {
        var citizenId = Api.NewCitizenId();
        var citizen = await _host.ClientAsync("c1", [Roles.Citizen], citizenId: citizenId);
        var forOther = await citizen.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01", Api.NewCitizenId(), "Online"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        var atDesk = await citizen.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01", citizenId, "Desk"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, atDesk.StatusCode);
    }

    [Fact]
    public async Task Officers_list_only_their_own_units_dossiers()
    {
        var desk = await _host.ClientAsync("desk-list", [Roles.DeskOfficer], "STP");
        var other = await desk.GetAsync("/api/v1/dossiers?unit=XA-TANDINH", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var own = await (await desk.GetAsync("/api/v1/dossiers?unit=STP&pageSize=5", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.All(own.GetProperty("items").EnumerateArray(), d => Assert.Equal("STP", d.GetProperty("unit").GetString()));
    }
}
