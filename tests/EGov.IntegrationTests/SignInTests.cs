using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// The pages' OIDC sign-in (authorization code with PKCE, relayed by the host) against a real provider over HTTPS
/// (<see cref="LocalOidcProvider"/>, self-signed, trusted by the host through <c>Auth:BackchannelCertificate</c>),
/// over real HTTP: the host hands out the provider's settings, exchanges the code with the client secret the browser
/// never sees, and then validates the provider's RS256 access token on the API as in production.
/// </summary>
public sealed class SignInTests(PlatformFixture platform)
{
    private const string Secret = "egov-pages-secret-for-tests";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(LocalOidcProvider provider, bool pin = true, string? secret = Secret) => new()
    {
        ["Auth:Authority"] = provider.Issuer,
        ["Auth:Audience"] = LocalOidcProvider.Audience,
        ["Auth:SignIn:ClientId"] = provider.ClientId,
        ["Auth:SignIn:ClientSecret"] = secret,
        ["Auth:BackchannelCertificate"] = pin ? provider.CertificateThumbprint : null,
    };

    [Fact]
    public async Task A_page_signs_in_through_the_provider_the_host_validates_its_token_and_refreshes_it()
    {
        await using var provider = await LocalOidcProvider.StartAsync(clientSecret: Secret);
        await using var host = await TestHost.StartAsync(platform.Postgres, Settings(provider));
        var redirect = host.Http.BaseAddress + "dashboard";
        provider.RedirectUris.Add(redirect);
        provider.NextUser = new OidcUser("oidc-leader-stp", "Trần Thị Lãnh Đạo", [Roles.Leader], "STP");

        var config = await host.Http.GetFromJsonAsync<JsonElement>("/api/v1/auth/config", Ct);
        Assert.True(config.GetProperty("enabled").GetBoolean());
        Assert.Equal(provider.Issuer + "/protocol/openid-connect/auth", config.GetProperty("authorizationEndpoint").GetString());
        Assert.Equal(provider.Issuer + "/protocol/openid-connect/logout", config.GetProperty("endSessionEndpoint").GetString());
        Assert.Equal(provider.ClientId, config.GetProperty("clientId").GetString());
        Assert.Equal("openid profile", config.GetProperty("scope").GetString());
        Assert.Equal(new[] { "/dashboard", "/lam-viec", "/dich-vu-cong" }, config.GetProperty("redirectPaths").EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain(Secret, config.GetRawText(), StringComparison.Ordinal);

        var verifier = Verifier();
        var (code, state, error) = await provider.AuthorizeAsync(redirect, verifier, StateFor(verifier));
        Assert.Null(error);
        var response = await host.Http.PostAsJsonAsync("/api/v1/auth/token", new { code, codeVerifier = verifier, redirectUri = redirect, state }, Ct);
        var tokens = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, tokens.ToString());
        Assert.True(response.Headers.CacheControl?.NoStore, "a response holding tokens is never cached");
        Assert.Equal(("authorization_code", "basic"), provider.TokenCalls.Last());

        // The provider's RS256 token, its keys fetched by the host over the pinned HTTPS backchannel, opens the API.
        var leader = Bearer(host, tokens.GetProperty("accessToken").GetString()!);
        var list = await leader.GetAsync("/api/v1/dossiers?unit=STP", Ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/v1/dossiers?unit=XA-TANDINH", Ct)).StatusCode);
        Assert.True(tokens.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(4));

        // Refresh: a new access token that works; the provider rotates refresh tokens, so the old one ends the session.
        var first = tokens.GetProperty("refreshToken").GetString()!;
        var refreshed = await host.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first }, Ct);
        var again = await refreshed.ReadJsonAsync();
        Assert.True(refreshed.StatusCode == HttpStatusCode.OK, again.ToString());
        Assert.NotEqual(first, again.GetProperty("refreshToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Bearer(host, again.GetProperty("accessToken").GetString()!).GetAsync("/api/v1/dossiers?unit=STP", Ct)).StatusCode);
        await AssertProblemAsync(await host.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first }, Ct), 400, "sign-in-session-ended");
    }

    [Fact]
    public async Task A_reused_code_a_foreign_state_and_a_redirect_uri_off_the_pages_are_refused_with_problems()
    {
        await using var provider = await LocalOidcProvider.StartAsync(clientSecret: Secret);
        await using var host = await TestHost.StartAsync(platform.Postgres, Settings(provider));
        var redirect = host.Http.BaseAddress + "lam-viec";
        provider.RedirectUris.Add(redirect);
        provider.NextUser = new OidcUser("oidc-desk", "Lê Văn Một Cửa", [Roles.DeskOfficer], "STP");

        // A state that is not this verifier's (an answer meant for another browser, or a forged link): refused before
        // the code is spent at the provider, so the rightful browser can still redeem it.
        var verifier = Verifier();
        var (code, state, _) = await provider.AuthorizeAsync(redirect, verifier, StateFor(verifier));
        await AssertProblemAsync(await Exchange(host, code, verifier, redirect, StateFor(Verifier())), 400, "sign-in-state-mismatch");
        await AssertProblemAsync(await Exchange(host, code, verifier, redirect, null), 400, "sign-in-state-mismatch");
        Assert.Empty(provider.TokenCalls);

        Assert.Equal(HttpStatusCode.OK, (await Exchange(host, code, verifier, redirect, state)).StatusCode);
        await AssertProblemAsync(await Exchange(host, code, verifier, redirect, state), 400, "sign-in-code-refused");

        // A code redeemed with another verifier than the one its challenge came from: the provider refuses it.
        var (other, otherState, _) = await provider.AuthorizeAsync(redirect, verifier, StateFor(verifier));
        var wrong = Verifier();
        await AssertProblemAsync(await Exchange(host, other, wrong, redirect, StateFor(wrong)), 400, "sign-in-code-refused");
        Assert.NotNull(otherState);

        // Redirect URIs the host does not exchange for: another origin, a page that is not a sign-in page, extras.
        var origin = host.Http.BaseAddress!.GetLeftPart(UriPartial.Authority);
        foreach (var uri in new[]
                 {
                     "https://evil.example/dashboard", $"{origin}/admin/sign-in", $"{origin}/dashboard?next=https://evil.example",
                     $"{origin}/dashboard#x", $"{origin}/lam-viec/../dashboard", "/dashboard", $"http://user@{host.Http.BaseAddress!.Authority}/dashboard",
                 })
        {
            var refused = await AssertProblemAsync(await Exchange(host, "some-code", verifier, uri, StateFor(verifier)), 400, "invalid-input");
            Assert.True(refused.GetProperty("errors").TryGetProperty("redirectUri", out _), $"{uri}: {refused}");
        }

        var bad = await AssertProblemAsync(await Exchange(host, "", "too-short", redirect, "x"), 400, "invalid-input");
        Assert.True(bad.GetProperty("errors").TryGetProperty("code", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("codeVerifier", out _));
        var missing = await AssertProblemAsync(await host.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { }, Ct), 400, "invalid-input");
        Assert.True(missing.GetProperty("errors").TryGetProperty("refreshToken", out _));
    }

    [Fact]
    public async Task Without_a_client_id_sign_in_is_off_and_without_the_pin_the_self_signed_provider_is_not_trusted()
    {
        // The shared host has no provider: the pages keep their development and pasted-token sign-in.
        var off = await platform.Host.Http.GetFromJsonAsync<JsonElement>("/api/v1/auth/config", Ct);
        Assert.False(off.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, off.GetProperty("authorizationEndpoint").ValueKind);
        var verifier = Verifier();
        await AssertProblemAsync(await Exchange(platform.Host, "code", verifier, platform.Host.Http.BaseAddress + "dashboard", StateFor(verifier)), 404, "sign-in-not-configured");
        await AssertProblemAsync(await platform.Host.Http.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "x" }, Ct), 404, "sign-in-not-configured");

        // The pin is what makes the test provider trusted: without it, its certificate fails the ordinary check.
        await using var provider = await LocalOidcProvider.StartAsync();
        await using var host = await TestHost.StartAsync(platform.Postgres, Settings(provider, pin: false, secret: null));
        await AssertProblemAsync(await host.Http.GetAsync("/api/v1/auth/config", Ct), 503, "identity-provider-unavailable");
    }

    private static async Task<HttpResponseMessage> Exchange(TestHost host, string? code, string verifier, string redirectUri, string? state) =>
        await host.Http.PostAsJsonAsync("/api/v1/auth/token", new { code, codeVerifier = verifier, redirectUri, state }, Ct);

    private static HttpClient Bearer(TestHost host, string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var body = await response.ReadJsonAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, body.GetProperty("code").GetString());
        return body;
    }

    /// <summary>A PKCE code verifier as the page makes one: 32 random bytes, base64url (43 characters).</summary>
    private static string Verifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The state the page sends with a verifier, written out from docs/operations.md rather than taken from the host.</summary>
    private static string StateFor(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes("egov-sign-in-state:" + verifier)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
