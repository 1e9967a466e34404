using System.Net;
using System.Text;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EGov.IntegrationTests;

/// <summary>
/// Roles and unit taken from a configured claim path (<c>Auth:RolesClaimPath</c>, <c>Auth:UnitClaimPath</c>,
/// <c>Auth:RoleMap</c>), with real JWTs shaped as Keycloak issues them (<c>realm_access.roles</c>, nested JSON),
/// signed by the test key and sent over real HTTP through the host's bearer handler and authorization policies.
/// </summary>
public sealed class IdentityProviderClaimsTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
    {
        ["Auth:RolesClaimPath"] = "realm_access.roles",
        ["Auth:UnitClaimPath"] = "egov.unit",
        ["Auth:RoleMap:egov-administrators"] = Roles.Admin,
        ["Auth:RoleMap:egov-desk"] = Roles.DeskOfficer,
    });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_desk_officer_whose_roles_and_unit_are_nested_takes_in_a_dossier_for_that_unit()
    {
        var desk = Client(new Dictionary<string, object>
        {
            ["realm_access"] = new Dictionary<string, object> { ["roles"] = new[] { "offline_access", "egov-desk", "uma_authorization" } },
            ["egov"] = new Dictionary<string, object> { ["unit"] = "STP" },
        });
        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        Assert.Equal("STP", d.GetProperty("unit").GetString());
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/v1/dossiers/{d.GetProperty("id").GetGuid()}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Only_the_configured_path_grants_roles_and_the_role_map_renames_provider_values()
    {
        // A top-level "roles" claim beside the configured path grants nothing: the path replaces it.
        var forged = Client(new Dictionary<string, object>
        {
            [ClaimNames.Role] = new[] { Roles.Admin },
            ["realm_access"] = new Dictionary<string, object> { ["roles"] = new[] { Roles.Citizen } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await forged.GetAsync("/api/v1/admin/cluster", TestContext.Current.CancellationToken)).StatusCode);

        // No value at the path: no platform role at all.
        var none = Client(new Dictionary<string, object> { [ClaimNames.Role] = new[] { Roles.Admin } });
        Assert.Equal(HttpStatusCode.Forbidden, (await none.GetAsync("/api/v1/admin/cluster", TestContext.Current.CancellationToken)).StatusCode);

        var mapped = Client(new Dictionary<string, object>
        {
            ["realm_access"] = new Dictionary<string, object> { ["roles"] = new[] { "egov-administrators" } },
        });
        Assert.Equal(HttpStatusCode.OK, (await mapped.GetAsync("/api/v1/admin/cluster", TestContext.Current.CancellationToken)).StatusCode);

        // With a role map, a provider value that is not in it grants nothing, even one spelled like a platform role.
        var unmapped = Client(new Dictionary<string, object>
        {
            ["realm_access"] = new Dictionary<string, object> { ["roles"] = new[] { Roles.Admin } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await unmapped.GetAsync("/api/v1/admin/cluster", TestContext.Current.CancellationToken)).StatusCode);
    }

    private HttpClient Client(Dictionary<string, object> claims)
    {
        var client = _host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        client.DefaultRequestHeaders.Authorization = new("Bearer", Mint(claims));
        return client;
    }

    // Signed with the test host's key, with the issuer and audience it validates: only the claims' shape is the provider's.
    private static string Mint(Dictionary<string, object> claims)
    {
        var now = DateTime.UtcNow;
        claims[ClaimNames.Subject] = "idp-" + Guid.NewGuid().ToString("N")[..8];
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = "egov-dev",
            Audience = "egov-api",
            IssuedAt = now,
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestHost.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
