namespace EGov.Host.SignIn;

/// <summary>
/// Which redirect URIs the host exchanges codes for: this deployment's own origin (<c>Auth:SignIn:PublicOrigin</c>, or
/// the origin the request came to) followed by one of the configured page paths, nothing else. The provider checks
/// its own registered list too; this check keeps the host from being a token oracle for another site's code.
/// </summary>
internal static class RedirectUris
{
    public static bool Allowed(SignInSettings settings, HttpRequest request, string? redirectUri)
    {
        if (redirectUri is null || redirectUri.Length > 2048 || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)
            || uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return false;
        }

        var origin = settings.PublicOrigin ?? new Uri($"{request.Scheme}://{request.Host.Value}");
        var sameOrigin = string.Equals(uri.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
            && uri.Port == origin.Port;
        return sameOrigin && settings.RedirectPaths.Contains(uri.AbsolutePath, StringComparer.Ordinal)
            && string.Equals(uri.OriginalString, uri.GetLeftPart(UriPartial.Path), StringComparison.Ordinal);
    }
}
