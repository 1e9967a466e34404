using EGov.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Host.SignIn;

/// <summary>
/// The pages' OIDC sign-in (authorization code with PKCE), relayed by the host so the pages' <c>connect-src 'self'</c>
/// stays as it is and a confidential client's secret stays on the server. Anonymous on purpose: a person calls them
/// before having a token, and they hand out nothing the provider would not: a code is worth tokens only with the
/// verifier that made its challenge. Nothing is stored: each call carries all it needs, so any node answers it.
/// </summary>
public static class SignInEndpoints
{
    private const int MaxCodeLength = 4096;
    private const int MaxRefreshTokenLength = 8192;

    /// <summary>Get how the pages sign in here (đăng nhập): the provider's authorization endpoint, client id and scopes.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/v1/auth/config", OperationId = "getSignInConfig")]
    [Tags("Sign-in")]
    [ProducesResponseType<SignInConfigDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public static async Task<IResult> GetConfig(IdentityProviderClient provider, CancellationToken cancellationToken)
    {
        var settings = provider.Settings;
        if (!settings.Enabled)
        {
            return TypedResults.Ok(new SignInConfigDto(false, null, null, null, null, null));
        }

        var discovery = await provider.DiscoveryAsync(cancellationToken);
        return discovery?.AuthorizationEndpoint is { Length: > 0 } authorize
            ? TypedResults.Ok(new SignInConfigDto(true, authorize, string.IsNullOrEmpty(discovery.EndSessionEndpoint) ? null : discovery.EndSessionEndpoint,
                settings.ClientId, settings.Scope, settings.RedirectPaths))
            : SignInProblems.ProviderUnavailable();
    }

    /// <summary>Exchange the provider's authorization code (mã xác thực) for tokens, with the page's PKCE code verifier.</summary>
    [AllowAnonymous]
    [WolverinePost("/api/v1/auth/token", OperationId = "exchangeSignInCode")]
    [Tags("Sign-in")]
    [ProducesResponseType<SignInTokensDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public static async Task<IResult> Exchange(SignInTokenRequest request, IdentityProviderClient provider, HttpContext http, CancellationToken cancellationToken)
    {
        var settings = provider.Settings;
        if (!settings.Enabled)
        {
            return SignInProblems.NotConfigured();
        }

        var errors = new List<FieldError>();
        if (request.Code is not { Length: > 0 and <= MaxCodeLength })
        {
            errors.Add(new FieldError("code", $"code là bắt buộc, tối đa {MaxCodeLength} ký tự / code is required, at most {MaxCodeLength} characters."));
        }

        if (!PkceRules.IsVerifier(request.CodeVerifier))
        {
            errors.Add(new FieldError("codeVerifier", "codeVerifier gồm 43–128 ký tự A-Z a-z 0-9 - . _ ~ (RFC 7636) / codeVerifier is 43–128 characters of A-Z a-z 0-9 - . _ ~ (RFC 7636)."));
        }

        if (!RedirectUris.Allowed(settings, http.Request, request.RedirectUri))
        {
            errors.Add(new FieldError("redirectUri",
                $"redirectUri phải là một trang của máy chủ này: {string.Join(", ", settings.RedirectPaths)} / " +
                $"redirectUri must be a page of this host: {string.Join(", ", settings.RedirectPaths)}."));
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        if (!PkceRules.StateMatches(request.CodeVerifier!, request.State))
        {
            return SignInProblems.StateMismatch();
        }

        NoStore(http);
        return Answer(await provider.RedeemCodeAsync(request.Code!, request.CodeVerifier!, request.RedirectUri!, cancellationToken), SignInProblems.CodeRefused);
    }

    /// <summary>Get a fresh access token (làm mới phiên) with the refresh token the provider gave at sign-in.</summary>
    [AllowAnonymous]
    [WolverinePost("/api/v1/auth/refresh", OperationId = "refreshSignIn")]
    [Tags("Sign-in")]
    [ProducesResponseType<SignInTokensDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public static async Task<IResult> Refresh(SignInRefreshRequest request, IdentityProviderClient provider, HttpContext http, CancellationToken cancellationToken)
    {
        if (!provider.Settings.Enabled)
        {
            return SignInProblems.NotConfigured();
        }

        if (request.RefreshToken is not { Length: > 0 and <= MaxRefreshTokenLength })
        {
            return ProblemResults.Invalid("refreshToken", $"refreshToken là bắt buộc, tối đa {MaxRefreshTokenLength} ký tự / refreshToken is required, at most {MaxRefreshTokenLength} characters.");
        }

        NoStore(http);
        return Answer(await provider.RefreshAsync(request.RefreshToken, cancellationToken), SignInProblems.SessionEnded);
    }

    private static IResult Answer(ProviderAnswer answer, Func<IResult> refused) => answer switch
    {
        ProviderAnswer.Tokens t => TypedResults.Ok(new SignInTokensDto(t.AccessToken, t.ExpiresAt, t.RefreshToken)),
        ProviderAnswer.Refused => refused(),
        _ => SignInProblems.ProviderUnavailable(),
    };

    // RFC 6749 §5.1: an answer holding tokens is never cached, by the browser or anything between.
    private static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
    }
}
