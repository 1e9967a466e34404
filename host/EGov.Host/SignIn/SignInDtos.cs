namespace EGov.Host.SignIn;

/// <summary>What a page needs to send a person to the provider: everything here is public (the client id is too).</summary>
/// <param name="Enabled">False when this host has no provider sign-in; every other field is then null.</param>
/// <param name="AuthorizationEndpoint">Where the page sends the browser, from the provider's discovery document.</param>
/// <param name="EndSessionEndpoint">Where signing out at the provider goes, when it has one.</param>
/// <param name="ClientId">The pages' client at the provider.</param>
/// <param name="Scope">The scopes asked for, space-separated.</param>
/// <param name="RedirectPaths">The page paths the provider may send the browser back to.</param>
public sealed record SignInConfigDto(
    bool Enabled,
    string? AuthorizationEndpoint,
    string? EndSessionEndpoint,
    string? ClientId,
    string? Scope,
    IReadOnlyList<string>? RedirectPaths);

/// <summary>The body of <c>POST /api/v1/auth/token</c>: what the provider sent back, and what the page kept.</summary>
/// <param name="Code">The authorization code from the provider's redirect.</param>
/// <param name="CodeVerifier">The PKCE code verifier the page kept in sessionStorage (RFC 7636).</param>
/// <param name="RedirectUri">The redirect URI the page sent the provider, exactly.</param>
/// <param name="State">The state from the provider's redirect.</param>
public sealed record SignInTokenRequest(string? Code, string? CodeVerifier, string? RedirectUri, string? State);

/// <summary>The body of <c>POST /api/v1/auth/refresh</c>.</summary>
public sealed record SignInRefreshRequest(string? RefreshToken);

/// <summary>The tokens for the page: the access token for the API, and a refresh token when the provider gives one.</summary>
public sealed record SignInTokensDto(string AccessToken, DateTimeOffset ExpiresAt, string? RefreshToken);
