using EGov.Kernel;
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

    public static void MapEGovDashboard(this WebApplication app) =>
        app.MapOrleansDashboard(routePrefix: Prefix).RequireAuthorization(Policies.Admin);

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
