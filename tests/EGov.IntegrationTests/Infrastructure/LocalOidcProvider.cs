using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EGov.Hosting;
using EGov.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>A person the provider signs in: what its access tokens say about them.</summary>
public sealed record OidcUser(string Subject, string Name, string[] Roles, string? Unit = null, string? CitizenId = null);

/// <summary>
/// A small OpenID Connect provider for tests, over HTTPS on a loopback port with a self-signed certificate: discovery,
/// JWKS, an authorize endpoint that approves <see cref="NextUser"/> at once, and a token endpoint for the authorization
/// code grant with PKCE (S256 only) and the refresh token grant. Access tokens are RS256 JWTs with the issuer, audience
/// and claims a production provider (Keycloak with the platform's mappers) issues, so the host validates them as it
/// would in production: keys from the JWKS, fetched over the HTTPS backchannel. Codes are single-use.
/// </summary>
public sealed class LocalOidcProvider : IAsyncDisposable
{
    public const string Audience = "egov-api";
    private const string RealmPath = "/realms/egov";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, Grant> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OidcUser> _refreshTokens = new(StringComparer.Ordinal);

    private LocalOidcProvider(WebApplication app, RsaSecurityKey key, X509Certificate2 certificate, string issuer, string clientId, string? clientSecret)
    {
        _app = app;
        _key = key;
        Certificate = certificate;
        Issuer = issuer;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public string Issuer { get; }

    public string ClientId { get; }

    public string? ClientSecret { get; }

    /// <summary>The provider's TLS certificate; the host trusts it by its SHA-256 thumbprint (<c>Auth:BackchannelCertificate</c>).</summary>
    public X509Certificate2 Certificate { get; }

    public string CertificateThumbprint => Certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>The redirect URIs registered for the client, as at a real provider; others get no redirect at all.</summary>
    public ConcurrentBag<string> RedirectUris { get; } = [];

    /// <summary>Who the authorize endpoint signs in next (no login form: the test decides).</summary>
    public OidcUser NextUser { get; set; } = new("oidc-leader", "Trần Thị Lãnh Đạo", [Roles.Leader], "STP");

    /// <summary>How long issued access tokens live.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Token endpoint calls, by grant type, and how the client authenticated ("basic", "post" or "none").</summary>
    public ConcurrentQueue<(string Grant, string ClientAuthentication)> TokenCalls { get; } = new();

    /// <param name="clientSecret">When set, the client is confidential: the token endpoint requires this secret (client_secret_basic).</param>
    public static async Task<LocalOidcProvider> StartAsync(string clientId = "egov-pages", string? clientSecret = null)
    {
        var port = Loopback.FreeTcpPort();
        var issuer = $"https://127.0.0.1:{port}{RealmPath}";
        var certificate = SelfSignedCertificate();
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-" + Guid.NewGuid().ToString("N")[..8] };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var provider = new LocalOidcProvider(app, key, certificate, issuer, clientId, clientSecret);
        provider.Map(app);
        await app.StartAsync();
        return provider;
    }

    private void Map(WebApplication app)
    {
        app.MapGet(RealmPath + "/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/protocol/openid-connect/auth",
            ["token_endpoint"] = Issuer + "/protocol/openid-connect/token",
            ["jwks_uri"] = Issuer + "/protocol/openid-connect/certs",
            ["end_session_endpoint"] = Issuer + "/protocol/openid-connect/logout",
            ["response_types_supported"] = new[] { "code" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet(RealmPath + "/protocol/openid-connect/certs", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        app.MapGet(RealmPath + "/protocol/openid-connect/auth", Authorize);
        app.MapPost(RealmPath + "/protocol/openid-connect/token", Token);
    }

    /// <summary>Ends every session at the provider: each refresh token held so far is refused from now on.</summary>
    public void RevokeRefreshTokens() => _refreshTokens.Clear();

    /// <summary>
    /// What a browser does between the page and the page's return: open the authorize URL the page built, follow
    /// nothing, and read the code and state from the redirect the provider answers with.
    /// </summary>
    public async Task<(string? Code, string? State, string? Error)> AuthorizeAsync(string redirectUri, string verifier, string state, string? clientId = null)
    {
        using var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString(HashAlgorithmName.SHA256) == CertificateThumbprint,
        };
        using var browser = new HttpClient(handler);
        var url = $"{Issuer}/protocol/openid-connect/auth?response_type=code&client_id={Uri.EscapeDataString(clientId ?? ClientId)}" +
            $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&scope=openid%20profile&state={Uri.EscapeDataString(state)}" +
            $"&code_challenge={Challenge(verifier)}&code_challenge_method=S256";
        using var response = await browser.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location)
        {
            return (null, null, $"no redirect: {(int)response.StatusCode}");
        }

        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.StartsWith(redirectUri + "?", location.ToString(), StringComparison.Ordinal);
        return (query.GetValueOrDefault("code").ToString(), query.GetValueOrDefault("state").ToString(), query.TryGetValue("error", out var e) ? e.ToString() : null);
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        string? redirect = q["redirect_uri"];
        if (q["client_id"] != ClientId || redirect is null || !RedirectUris.Contains(redirect))
        {
            // As a real provider: an unknown client or redirect URI is shown an error page, never redirected to.
            return Results.BadRequest("invalid client_id or redirect_uri");
        }

        if (q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
        {
            return Results.Redirect($"{redirect}?error=invalid_request&state={Uri.EscapeDataString(q["state"].ToString())}");
        }

        var code = Random();
        _codes[code] = new Grant(NextUser, redirect, q["code_challenge"]!);
        return Results.Redirect($"{redirect}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(q["state"].ToString())}");
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var clientAuth = ClientAuthentication(request, form, out var authenticated);
        TokenCalls.Enqueue((form["grant_type"].ToString(), clientAuth));
        if (!authenticated)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        switch (form["grant_type"].ToString())
        {
            case "authorization_code":
                // TryRemove: a code is redeemed once; a second attempt finds nothing (RFC 6749 §4.1.2).
                if (!_codes.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"]
                    || grant.Challenge != Challenge(form["code_verifier"].ToString()))
                {
                    return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
                }

                return Issue(grant.User);
            case "refresh_token":
                return _refreshTokens.TryRemove(form["refresh_token"].ToString(), out var user)
                    ? Issue(user)
                    : Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            default:
                return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
        }
    }

    private string ClientAuthentication(HttpRequest request, IFormCollection form, out bool authenticated)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            authenticated = Uri.UnescapeDataString(pair[0]) == ClientId && ClientSecret is not null && Uri.UnescapeDataString(pair[1]) == ClientSecret;
            return "basic";
        }

        authenticated = ClientSecret is null && form["client_id"] == ClientId;
        return form.ContainsKey("client_secret") ? "post" : "none";
    }

    private IResult Issue(OidcUser user)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            [ClaimNames.Subject] = user.Subject,
            ["name"] = user.Name,
            [ClaimNames.Role] = user.Roles,
            ["azp"] = ClientId,
        };
        if (user.Unit is not null)
        {
            claims[ClaimNames.Unit] = user.Unit;
        }

        if (user.CitizenId is not null)
        {
            claims[ClaimNames.CitizenId] = user.CitizenId;
        }

        var access = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(AccessTokenLifetime),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        var refresh = Random();
        _refreshTokens[refresh] = user;
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = access,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
            ["refresh_token"] = refresh,
            ["scope"] = "openid profile",
        });
    }

    private static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Random() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=egov-test-oidc", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        // Through PKCS#12, so the private key is one TLS can use on every platform (an ephemeral key is not on all).
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Certificate.Dispose();
        _key.Rsa.Dispose();
    }

    private sealed record Grant(OidcUser User, string RedirectUri, string Challenge);
}
