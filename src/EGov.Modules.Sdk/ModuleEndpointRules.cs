using System.Security.Claims;
using EGov.Kernel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EGov.Modules.Sdk;

/// <summary>Endpoint metadata: only officers of <see cref="Unit"/> (and administrators) may call the endpoint.</summary>
public sealed record UnitScopedEndpoint(string Unit);

/// <summary>Endpoint metadata: the endpoint is public on purpose, for the reason given (it must reveal no personal data).</summary>
public sealed record PublicEndpoint(string Reason);

/// <summary>
/// The two rules a module endpoint may state (issue 13: the police work list once answered any unit's officer). Every
/// endpoint a module maps in <see cref="IEGovModule.MapEndpoints"/> calls one of these; the platform's tests refuse a
/// module endpoint that carries neither <see cref="UnitScopedEndpoint"/> nor <see cref="PublicEndpoint"/>.
/// </summary>
public static class ModuleEndpointRules
{
    /// <summary>
    /// A unit's own data (a work list, a register): officers of <paramref name="unit"/> and administrators. Another
    /// unit's officer gets 403 problem+json with code <c>other-unit</c>, as the core work list answers; citizens and
    /// anonymous callers are refused by the <see cref="Policies.Officer"/> policy (403 / 401).
    /// </summary>
    public static TBuilder ForUnitOfficers<TBuilder>(this TBuilder builder, string unit)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        builder.RequireAuthorization(Policies.Officer);
        builder.WithMetadata(new UnitScopedEndpoint(unit));

        // A filter rather than a policy: the refusal then carries the same code and bilingual text as the core's.
        builder.AddEndpointFilter(async (context, next) =>
            MayActFor(context.HttpContext.User, unit) ? await next(context) : OtherUnit(unit));
        return builder;
    }

    /// <summary>Public on purpose (e.g. a name search the national portal offers too); <paramref name="reason"/> says why.</summary>
    public static TBuilder Public<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        builder.AllowAnonymous();
        builder.WithMetadata(new PublicEndpoint(reason));
        return builder;
    }

    /// <summary>Whether the caller is an administrator, or an officer (desk, specialist, leader) of <paramref name="unit"/>.</summary>
    public static bool MayActFor(ClaimsPrincipal user, string unit)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.HasClaim(ClaimNames.Role, Roles.Admin))
        {
            return true;
        }

        return Roles.Officers.Any(r => user.HasClaim(ClaimNames.Role, r))
            && string.Equals(user.FindFirst(ClaimNames.Unit)?.Value, unit, StringComparison.Ordinal);
    }

    private static IResult OtherUnit(string unit) =>
        Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            type: ProblemTypes.Forbidden,
            title: "Không có quyền / Forbidden",
            detail: $"Chỉ cán bộ của đơn vị {unit} xem được / Only officers of {unit} may see this.",
            extensions: new Dictionary<string, object?> { ["code"] = "other-unit" });
}
