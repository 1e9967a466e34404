using System.Security.Claims;
using EGov.Kernel;

namespace EGov.Dossiers.Model;

/// <summary>Reads the caller from the validated bearer token; beside <see cref="Caller"/> so every area's endpoints share it.</summary>
public static class CallerFactory
{
    /// <summary>The OpenID Connect claim that carries the person's display name.</summary>
    public const string NameClaim = "name";

    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Caller(
            user.FindFirstValue(ClaimNames.Subject) ?? "anonymous",
            user.FindAll(ClaimNames.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray(),
            user.FindFirstValue(ClaimNames.Unit),
            user.FindFirstValue(ClaimNames.CitizenId))
        {
            Name = user.FindFirstValue(NameClaim) is { Length: > 0 } name ? name : null,
        };
    }
}
