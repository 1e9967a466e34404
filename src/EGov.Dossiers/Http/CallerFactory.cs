using System.Security.Claims;
using EGov.Dossiers.Model;
using EGov.Kernel;

namespace EGov.Dossiers.Http;

/// <summary>Reads the caller from the validated bearer token.</summary>
public static class CallerFactory
{
    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Caller(
            user.FindFirstValue(ClaimNames.Subject) ?? "anonymous",
            user.FindAll(ClaimNames.Role).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToArray(),
            user.FindFirstValue(ClaimNames.Unit),
            user.FindFirstValue(ClaimNames.CitizenId));
    }
}
