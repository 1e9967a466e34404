using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace EGov.Host.Dev;

/// <summary>
/// The issuer, audience and local key of development tokens: minted by <see cref="DevTokenEndpoint"/>, validated by the
/// composition's auth setup. Here, with the minting, so the dev endpoints need nothing from the composition.
/// </summary>
internal static class DevTokenKeys
{
    public const string Issuer = "egov-dev";
    public const string Audience = "egov-api";

    public static SymmetricSecurityKey SigningKey(IConfiguration configuration)
    {
        var key = configuration["Auth:DevSigningKey"];
        if (string.IsNullOrWhiteSpace(key) || key.Length < 32)
        {
            throw new InvalidOperationException("Auth:DevSigningKey (at least 32 characters) is required to mint and validate development tokens.");
        }

        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
    }
}
