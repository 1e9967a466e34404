using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EGov.Host.SignIn;

/// <summary>What the provider's token endpoint answered, in the terms the endpoints turn into a response.</summary>
public abstract record ProviderAnswer
{
    public sealed record Tokens(string AccessToken, DateTimeOffset ExpiresAt, string? RefreshToken) : ProviderAnswer;

    /// <summary>The provider refused the grant (<c>invalid_grant</c>: a used, expired or foreign code or refresh token).</summary>
    public sealed record Refused(string Error) : ProviderAnswer;

    /// <summary>The provider could not be reached, or answered in a way that is the deployment's fault (a wrong client secret).</summary>
    public sealed record Unavailable(string Reason) : ProviderAnswer;
}

/// <summary>
/// Talks to the provider for the pages: its discovery document (the same one, cached the same way, the bearer handler
/// validates tokens with) and its token endpoint, with the client secret added here so it never reaches a browser.
/// </summary>
public sealed class IdentityProviderClient(IHttpClientFactory http, IOptionsMonitor<JwtBearerOptions> bearer, SignInSettings settings)
{
    public const string HttpClientName = "egov-identity-provider";

    public SignInSettings Settings => settings;

    /// <summary>The provider's discovery document, or null when it cannot be read just now.</summary>
    public async Task<OpenIdConnectConfiguration?> DiscoveryAsync(CancellationToken cancellationToken)
    {
        var manager = bearer.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager;
        if (manager is null)
        {
            return null;
        }

        try
        {
            return await manager.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Microsoft.IdentityModel wraps every failure to fetch or read the document in this one exception.
            return null;
        }
    }

    public Task<ProviderAnswer> RedeemCodeAsync(string code, string verifier, string redirectUri, CancellationToken cancellationToken) =>
        PostAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
        }, cancellationToken);

    public Task<ProviderAnswer> RefreshAsync(string refreshToken, CancellationToken cancellationToken) =>
        PostAsync(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken);

    private async Task<ProviderAnswer> PostAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var discovery = await DiscoveryAsync(cancellationToken);
        if (discovery?.TokenEndpoint is not { Length: > 0 } endpoint)
        {
            return new ProviderAnswer.Unavailable("discovery");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        if (settings.ClientSecret is { } secret)
        {
            // client_secret_basic, the method every provider must support (RFC 6749 §2.3.1): id and secret form-encoded first.
            var pair = Uri.EscapeDataString(settings.ClientId!) + ":" + Uri.EscapeDataString(secret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form["client_id"] = settings.ClientId!;
        }

        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return Read(response.IsSuccessStatusCode, body.RootElement);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ProviderAnswer.Unavailable(e.GetType().Name);
        }
    }

    private ProviderAnswer Read(bool ok, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return new ProviderAnswer.Unavailable("not-json");
        }

        if (!ok)
        {
            var error = body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "unknown";
            return error == "invalid_grant" ? new ProviderAnswer.Refused(error) : new ProviderAnswer.Unavailable(error);
        }

        if (!body.TryGetProperty("access_token", out var access) || access.ValueKind != JsonValueKind.String)
        {
            return new ProviderAnswer.Unavailable("no-access-token");
        }

        var lifetime = body.TryGetProperty("expires_in", out var seconds) && seconds.TryGetInt32(out var s) && s > 0 ? s : 300;
        var refresh = body.TryGetProperty("refresh_token", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        // The provider's wall clock, not the platform's business clock (which tests move): a token expires in real time.
        return new ProviderAnswer.Tokens(access.GetString()!, TimeProvider.System.GetUtcNow().AddSeconds(lifetime), refresh);
    }
}
