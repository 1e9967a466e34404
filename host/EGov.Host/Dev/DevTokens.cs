using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EGov.Host.Dev;

/// <summary>
/// Mints a development token (12 hours, signed with <c>Auth:DevSigningKey</c>): for <c>POST /api/v1/dev/tokens</c> and
/// for the token the API reference comes filled in with in Development.
/// </summary>
internal static class DevTokens
{
    public static DevTokenResponse Mint(IConfiguration configuration, TimeProvider clock, IEnumerable<Claim> claims)
    {
        var now = clock.GetUtcNow();
        var expires = now.AddHours(12);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = DevTokenKeys.Issuer,
            Audience = DevTokenKeys.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(DevTokenKeys.SigningKey(configuration), SecurityAlgorithms.HmacSha256),
        });
        return new DevTokenResponse(token, expires);
    }
}
