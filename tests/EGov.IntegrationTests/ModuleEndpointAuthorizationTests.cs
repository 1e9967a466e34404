using System.Reflection;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using EGov.Modules.Sdk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Http;

namespace EGov.IntegrationTests;

/// <summary>
/// Issue 13, point 5: the police work list answered any unit's officer. Every endpoint a module maps states its
/// rule, and each rule is tested here per caller, written out by hand like <see cref="AuthorizationMatrixTests"/>:
/// a unit's work list is for that unit's officers and administrators (another unit's officer gets 403
/// <c>other-unit</c>, as the core work list answers <c>?unit=</c> of another unit), a public search shows no
/// personal data.
/// </summary>
public sealed class ModuleEndpointAuthorizationTests(PlatformFixture platform)
{
    private const string PoliceUnit = "CA-TANDINH";

    /// <summary>
    /// The endpoints meant to be public, each for a reason: the API reference and health probes, the public catalog
    /// and calendar, the lookup by code (public view only), the pages, the development token minter (Development only)
    /// and the Finance module's name search. Any other anonymous endpoint fails the test below.
    /// </summary>
    private static readonly HashSet<string> PublicEndpoints = new(StringComparer.Ordinal)
    {
        "/openapi/{documentName}.json",
        "/scalar/{documentName?}",
        "/scalar/scalar.js",
        "/scalar/scalar.aspnetcore.js",
        "/scalar/favicon.svg",
        "/health/live",
        "/health/ready",
        "/api/v1/units",
        "/api/v1/procedures",
        "/api/v1/procedures/{code}",
        "/api/v1/document-types",
        "/api/v1/calendar/{year}",
        "/api/v1/calendar/due",
        "/api/v1/public/dossiers/{code}",
        "/api/v1/dev/tokens",
        "/api/v1/auth/config", // the pages' sign-in settings: public, as the provider's own discovery document is
        "/api/v1/auth/token", // a code is worth tokens only with the verifier the browser kept
        "/api/v1/auth/refresh", // a refresh token is the credential itself
        "/api/v1/procedures/{code}/versions/{version}", // a past catalog entry: as public as the catalog itself
        "/api/v1/satisfaction/survey", // the survey's questions, read before signing in
        "/tra-cuu",
        "/dashboard",
        "/lam-viec",
        "/dich-vu-cong",
        "/admin/sign-in", // the Orleans Dashboard's sign-in page: a form, no data
        "/pages/{**path}",
        "/api/v1/finance/enterprise-names/{name}",
    };

    private static readonly string[] Callers =
        ["anonymous", "citizen", "desk-own", "specialist-own", "leader-own", "desk-other", "specialist-other", "leader-other", "admin"];

    private static readonly Dictionary<string, int[]> Expected = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/police/residence-requests"] = [401, 403, 200, 200, 200, 403, 403, 403, 200],
        ["GET /api/v1/finance/enterprise-names/{name}"] = [200, 200, 200, 200, 200, 200, 200, 200, 200],
    };

    private readonly TestHost _host = platform.Host;

    public static TheoryData<string, string, int> Cells() => AuthorizationMatrix.Cells(Expected, Callers);

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Caller_on_module_endpoint_gets_the_expected_answer(string endpoint, string caller, int expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var (unit, url) = endpoint switch
        {
            "GET /api/v1/police/residence-requests" => (PoliceUnit, "/api/v1/police/residence-requests"),
            "GET /api/v1/finance/enterprise-names/{name}" => ("STC", "/api/v1/finance/enterprise-names/" + Uri.EscapeDataString("Công ty TNHH Sen Vàng")),
            _ => throw new InvalidOperationException(endpoint),
        };
        var client = await ClientFor(caller, unit);

        var response = await client.GetAsync(url, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(expected == (int)response.StatusCode, $"{caller} on {endpoint}: expected {expected}, got {(int)response.StatusCode} {body}");
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        if (expected == 403 && caller.EndsWith("-other", StringComparison.Ordinal))
        {
            Assert.Equal("other-unit", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
        }

        if (endpoint.Contains("enterprise-names", StringComparison.Ordinal) && expected == 200)
        {
            // The public search says whether a name is free, nothing about who holds it.
            var names = JsonDocument.Parse(body).RootElement.EnumerateObject().Select(p => p.Name).Order().ToArray();
            Assert.Equal(["available", "name", "status"], names);
        }
    }

    [Fact]
    public void Every_anonymous_endpoint_is_on_the_list_of_intentionally_public_ones()
    {
        var anonymous = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText ?? "?").ToHashSet();
        Assert.Empty(anonymous.Except(PublicEndpoints));

        // And the list holds no stale entry (a route that is gone, or became protected).
        Assert.Empty(PublicEndpoints.Except(anonymous));
    }

    [Fact]
    public void Every_module_endpoint_states_its_rule_a_unit_scope_or_public_on_purpose()
    {
        var modules = Endpoints().Where(e => HandlerAssemblies(e).Any(IsModule)).ToList();
        var routes = modules.Select(e => e.RoutePattern.RawText).ToList();
        Assert.Contains("/api/v1/police/residence-requests", routes);
        Assert.Contains("/api/v1/finance/enterprise-names/{name}", routes);

        var unstated = modules
            .Where(e => e.Metadata.GetMetadata<UnitScopedEndpoint>() is null && e.Metadata.GetMetadata<PublicEndpoint>() is null)
            .Select(e => e.RoutePattern.RawText)
            .ToList();
        Assert.Empty(unstated);

        // Every row of the matrix above is a module endpoint, and every module endpoint has a row.
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), modules.Select(e => $"GET {e.RoutePattern.RawText}").Order(StringComparer.Ordinal));
        Assert.Equal(PoliceUnit, modules.Single(e => e.RoutePattern.RawText!.Contains("police", StringComparison.Ordinal)).Metadata.GetMetadata<UnitScopedEndpoint>()?.Unit);
    }

    [Fact]
    public void The_matrix_has_a_cell_for_every_caller_on_every_row() =>
        Assert.All(Expected, row => Assert.Equal(Callers.Length, row.Value.Length));

    private async Task<HttpClient> ClientFor(string caller, string ownUnit)
    {
        if (caller == "anonymous")
        {
            return _host.CreateClient();
        }

        if (caller == "citizen")
        {
            var id = Api.NewCitizenId();
            return await _host.ClientAsync($"c-{id}", [Roles.Citizen], citizenId: id);
        }

        if (caller == "admin")
        {
            return await _host.ClientAsync("module-admin", [Roles.Admin]);
        }

        var (role, place) = (caller.Split('-')[0], caller.Split('-')[1]);
        var roleName = role switch { "desk" => Roles.DeskOfficer, "specialist" => Roles.Specialist, _ => Roles.Leader };
        return await _host.ClientAsync($"module-{caller}", [roleName], place == "own" ? ownUnit : OtherUnitThan(ownUnit));
    }

    private List<RouteEndpoint> Endpoints() =>
        [.. _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    // A minimal-API endpoint carries its handler's MethodInfo; a Wolverine endpoint its chain.
    private static IEnumerable<Assembly> HandlerAssemblies(RouteEndpoint e) =>
        e.Metadata.OfType<MethodInfo>().Select(m => m.DeclaringType?.Assembly)
            .Concat(e.Metadata.OfType<HttpChain>().Select(c => c.Method.HandlerType.Assembly))
            .OfType<Assembly>();

    private static bool IsModule(Assembly assembly) =>
        assembly.GetName().Name is { } name && name.StartsWith("EGov.Modules.", StringComparison.Ordinal) && name != "EGov.Modules.Sdk";

    private static string OtherUnitThan(string unit) => unit == "STP" ? "XA-TANDINH" : "STP";
}
