using System.Buffers.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace EGov.Host.Composition;

/// <summary>
/// RFC 7515 §4.1.11: a JWS whose <c>crit</c> header lists an extension the recipient does not process is invalid.
/// Microsoft.IdentityModel ignores <c>crit</c> altogether, and the platform processes no JWS extension, so any token
/// carrying a <c>crit</c> header (whatever its value, including the malformed <c>[]</c>) is refused with 401.
/// </summary>
internal static class CriticalHeaderCheck
{
    public const string Failure = "The token's JOSE header has a 'crit' parameter naming extensions this service does not process (RFC 7515 §4.1.11).";

    public static Task OnTokenValidated(TokenValidatedContext context)
    {
        if (context.SecurityToken is JsonWebToken token && HasCritical(token.EncodedHeader))
        {
            context.Fail(Failure);
        }

        return Task.CompletedTask;
    }

    // Reads the header as sent rather than through the handler's typed accessors, which may drop a value they cannot convert.
    private static bool HasCritical(string encodedHeader)
    {
        var bytes = Base64Url.DecodeFromChars(encodedHeader);
        using var header = JsonDocument.Parse(bytes);
        return header.RootElement.ValueKind != JsonValueKind.Object || header.RootElement.TryGetProperty("crit", out _);
    }
}
