using EGov.Host.Environments;

namespace EGov.Host.SignIn;

/// <summary>
/// How the browser pages sign in through the province's OIDC provider (<c>Auth:SignIn</c>, docs/operations.md
/// "Signing in to the pages (OIDC)"). Sign-in is on when <c>Auth:Authority</c> and <c>Auth:SignIn:ClientId</c> are
/// both set. Everything here is configuration, read once at start: no node keeps anything about a sign-in in
/// progress, so the page's redirect to the provider and its code exchange may land on different nodes.
/// </summary>
public sealed record SignInSettings(
    bool Enabled,
    string? ClientId,
    string? ClientSecret,
    string Scope,
    IReadOnlyList<string> RedirectPaths,
    Uri? PublicOrigin)
{
    public const string Section = "Auth:SignIn";

    /// <summary>The pages that may receive the provider's answer: the dashboard, the officer workspace and the citizen portal.</summary>
    public static readonly IReadOnlyList<string> DefaultRedirectPaths = ["/dashboard", "/lam-viec", "/dich-vu-cong"];

    public const string DefaultScope = "openid profile";

    internal static SignInSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var authority = configuration["Auth:Authority"];
        var clientId = Blank(section["ClientId"]);
        if (clientId is not null && string.IsNullOrWhiteSpace(authority))
        {
            throw new InvalidOperationException($"{Section}:ClientId is set but Auth:Authority is not: the pages have no provider to sign in with.");
        }

        var paths = section.GetSection("RedirectPaths").Get<string[]>() is { Length: > 0 } configured ? configured : DefaultRedirectPaths;
        foreach (var path in paths)
        {
            // A bare absolute path of this host: no scheme, host, query or fragment, so the list cannot name another site.
            if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.IndexOfAny(['?', '#', '\\', ':']) >= 0)
            {
                throw new InvalidOperationException($"{Section}:RedirectPaths holds '{path}': each entry is a page path of this host, such as /dashboard.");
            }
        }

        Uri? origin = null;
        if (Blank(section["PublicOrigin"]) is { } text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out origin) || (origin.Scheme != Uri.UriSchemeHttps && origin.Scheme != Uri.UriSchemeHttp)
                || origin.AbsolutePath != "/" || origin.Query.Length > 0 || origin.Fragment.Length > 0 || origin.UserInfo.Length > 0)
            {
                throw new InvalidOperationException($"{Section}:PublicOrigin must be an origin such as https://motcua.example.gov.vn, not '{text}'.");
            }
        }

        return new SignInSettings(clientId is not null, clientId, Blank(section["ClientSecret"]),
            Blank(section["Scope"]) ?? DefaultScope, paths, origin);
    }

    /// <summary>
    /// <c>Auth:BackchannelCertificate</c>: the SHA-256 thumbprint of a provider certificate the host trusts without a
    /// chain (the tests' self-signed provider). Development and tests only: a production host trusts its provider
    /// through the machine's certificate store, as every other HTTPS client does.
    /// </summary>
    internal static string? BackchannelPin(IConfiguration configuration, IHostEnvironment environment)
    {
        var pin = Blank(configuration["Auth:BackchannelCertificate"]);
        if (pin is null)
        {
            return null;
        }

        if (!environment.IsDevelopmentOrTesting())
        {
            throw new InvalidOperationException($"Auth:BackchannelCertificate is allowed in Development only, not in '{environment.EnvironmentName}'.");
        }

        var hex = pin.Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return hex.Length == 64 && hex.All(Uri.IsHexDigit)
            ? hex
            : throw new InvalidOperationException("Auth:BackchannelCertificate must be a SHA-256 certificate thumbprint (64 hex digits).");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
