using EGov.Kernel;
using EGov.Web;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Orleans.Dashboard;

namespace EGov.Host.Admin;

/// <summary>
/// The Orleans Dashboard (silos, grain activity, method timings) for operators at <c>/admin/orleans/</c>, for
/// administrators only. Its page cannot send a bearer header, so there, and only there, the token may come in the
/// <c>egov-admin-token</c> cookie that <c>/admin/sign-in</c> sets; a browser without one is sent to sign in.
/// The live log view is off: logs name citizens, and the dashboard is not where an audit trail of who read them lives.
/// </summary>
internal static class DashboardSetup
{
    public const string Prefix = "/admin/orleans";
    public const string SignIn = "/admin/sign-in";
    public const string CookieName = "egov-admin-token";

    public static void AddEGovDashboard(this WebApplicationBuilder builder) =>
        builder.UseOrleans(silo => silo.AddDashboard(o => o.HideTrace = true));

    // Not part of the platform's API: kept out of the OpenAPI document. The dashboard's own endpoints take a silo
    // address in the path and answer a bad one with a 500; the filter answers 400 invalid-input first.
    public static void MapEGovDashboard(this WebApplication app) =>
        app.MapOrleansDashboard(routePrefix: Prefix)
            .RequireAuthorization(Policies.Admin)
            .ExcludeFromDescription()
            .AddEndpointFilter(RefuseBadSiloAddress);

    private static async ValueTask<object?> RefuseBadSiloAddress(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // "address" in the silo views; "path" means a silo only under HistoricalStats (fonts/ and img/ use it for files).
        var request = context.HttpContext.Request;
        foreach (var name in SiloAddressRouteValues)
        {
            if (name == "path" && !request.Path.StartsWithSegments(Prefix + "/HistoricalStats", StringComparison.Ordinal))
            {
                continue;
            }

            if (request.RouteValues.TryGetValue(name, out var value) && value is string text && !IsSiloAddress(text))
            {
                return ProblemResults.Invalid(name,
                    "Địa chỉ silo có dạng ip:cổng@thế-hệ, như GET /api/v1/admin/cluster trả về / A silo address is ip:port@generation, as GET /api/v1/admin/cluster lists it.");
            }
        }

        return await next(context);
    }

    private static readonly string[] SiloAddressRouteValues = ["address", "path"];

    private static bool IsSiloAddress(string text)
    {
        try
        {
            return text.Length <= 100 && SiloAddress.FromParsableString(text) is not null;
        }
#pragma warning disable CA1031 // The parser signals a bad address with whatever exception its pieces throw.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>The bearer token of a dashboard request: the Authorization header, else the dashboard's cookie.</summary>
    public static Task ReadToken(MessageReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.Path.StartsWithSegments(Prefix, StringComparison.Ordinal)
            && string.IsNullOrEmpty(request.Headers.Authorization)
            && request.Cookies.TryGetValue(CookieName, out var token)
            && !string.IsNullOrWhiteSpace(token))
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    /// <summary>A browser asking for the dashboard without a valid token goes to the sign-in page rather than a bare 401.</summary>
    public static Task Challenge(JwtBearerChallengeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.Path.StartsWithSegments(Prefix, StringComparison.Ordinal)
            && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            context.HandleResponse();
            context.Response.Redirect(SignIn);
        }

        return Task.CompletedTask;
    }
}
