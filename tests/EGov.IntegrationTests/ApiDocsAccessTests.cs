using System.Net;
using System.Text.Json;
using EGov.Hosting;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace EGov.IntegrationTests;

/// <summary>
/// <c>Api:PublicDocs</c> decides who reads the API reference and the OpenAPI document (docs/operations.md), and the
/// reference's Authorize dialog works with the platform's tokens.
/// </summary>
public sealed class ApiDocsAccessTests(PlatformFixture platform)
{
    private static readonly string[] DocsUrls = ["/openapi/v1.json", "/scalar/"];

    [Fact]
    public async Task Off_serves_neither_the_reference_nor_the_document()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Api:PublicDocs"] = "Off" });
        foreach (var url in DocsUrls)
        {
            var response = await host.Http.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Authenticated_answers_401_to_strangers_and_serves_signed_in_callers()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Api:PublicDocs"] = "Authenticated" });
        var citizenId = Api.NewCitizenId();
        var signedIn = await host.ClientAsync($"c-{citizenId}", [Roles.Citizen], citizenId: citizenId);
        foreach (var url in DocsUrls)
        {
            var stranger = await host.Http.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(stranger.StatusCode == HttpStatusCode.Unauthorized, $"{url} answered {(int)stranger.StatusCode} without a token");
            var allowed = await signedIn.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(allowed.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)allowed.StatusCode} with a token");
        }
    }

    [Fact]
    public async Task An_unknown_setting_stops_the_host_at_start()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Api:PublicDocs"] = "Public" }));
        Assert.Contains("Api:PublicDocs must be one of Anonymous, Authenticated, Off", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_the_reference_comes_with_a_dev_token_that_the_api_accepts()
    {
        var html = await platform.Host.Http.GetStringAsync("/scalar/", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(html, "\"token\"\\s*:\\s*\"(ey[^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the reference's configuration carries no prefilled bearer token");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dossiers");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await platform.Host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The scheme the reference fills in is one the document declares (else Scalar shows no Authorize at all).
        var doc = JsonDocument.Parse(await platform.Host.Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;
        var bearer = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task With_an_oidc_authority_the_document_offers_its_authorization_code_flow_and_the_reference_uses_pkce()
    {
        await using var authority = await FakeAuthority.StartAsync();
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
        {
            ["Api:PublicDocs"] = "Anonymous",
            ["Auth:Authority"] = authority.Issuer,
            ["Auth:RequireHttpsMetadata"] = "false",
        });

        var doc = JsonDocument.Parse(await host.Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;
        var flow = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("oidc").GetProperty("flows").GetProperty("authorizationCode");
        Assert.Equal(authority.Issuer + "/protocol/openid-connect/auth", flow.GetProperty("authorizationUrl").GetString());
        Assert.Equal(authority.Issuer + "/protocol/openid-connect/token", flow.GetProperty("tokenUrl").GetString());

        // A secured operation accepts the sign-in flow's token as an alternative to a pasted bearer token.
        var security = doc.GetProperty("paths").GetProperty("/api/v1/dossiers").GetProperty("post").GetProperty("security");
        Assert.Contains(security.EnumerateArray(), r => r.TryGetProperty("oidc", out var scopes) && scopes.EnumerateArray().Any(x => x.GetString() == "openid"));
        Assert.Contains(security.EnumerateArray(), r => r.TryGetProperty("Bearer", out _));

        var html = await host.Http.GetStringAsync("/scalar/", TestContext.Current.CancellationToken);
        Assert.Contains("\"x-usePkce\":\"SHA-256\"", html.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\"token\":\"ey", html.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>An identity provider's discovery document on a loopback port, shaped like Keycloak's.</summary>
    private sealed class FakeAuthority : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeAuthority(WebApplication app, string issuer)
        {
            _app = app;
            Issuer = issuer;
        }

        public string Issuer { get; }

        public static async Task<FakeAuthority> StartAsync()
        {
            var port = Loopback.FreeTcpPort();
            var issuer = $"http://127.0.0.1:{port}/realms/egov";
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
            var app = builder.Build();
            app.MapGet("/realms/egov/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["authorization_endpoint"] = issuer + "/protocol/openid-connect/auth",
                ["token_endpoint"] = issuer + "/protocol/openid-connect/token",
                ["jwks_uri"] = issuer + "/protocol/openid-connect/certs",
            }));
            app.MapGet("/realms/egov/protocol/openid-connect/certs", () => Results.Json(new { keys = Array.Empty<object>() }));
            await app.StartAsync();
            return new FakeAuthority(app, issuer);
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
