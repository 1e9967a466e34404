using System.Reflection;
using EGov.Host.Environments;

namespace EGov.Host.Web;

/// <summary>
/// Serves the browser pages, <c>/tra-cuu</c> (citizen lookup), <c>/dashboard</c> (leaders), <c>/lam-viec</c> (the officer workspace),
/// <c>/dich-vu-cong</c> (the citizen portal) and <c>/admin/sign-in</c> (the Orleans dashboard's sign-in), and their
/// scripts and styles under <c>/pages/</c>. These are the deliberate exception to "every endpoint has a policy":
/// the files hold no data; every API call they make carries its own token (or, for the lookup, is public).
/// </summary>
internal static class PageEndpoints
{
    /// <summary>No inline script or style, no third-party origin: the pages talk only to this host.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void MapEGovPages(this WebApplication app)
    {
        var assets = new PageAssets(Assembly.GetExecutingAssembly(), app.Environment.IsDevelopmentOrTesting() ? "dev" : "token");
        var pages = app.MapGroup(string.Empty).AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/tra-cuu", (HttpContext http) => Serve(http, assets, "lookup/index.html"));
        pages.MapGet("/dashboard", (HttpContext http) => Serve(http, assets, "dashboard/index.html"));
        pages.MapGet("/lam-viec", (HttpContext http) => Serve(http, assets, "workspace/index.html"));
        pages.MapGet("/dich-vu-cong", (HttpContext http) => Serve(http, assets, "portal/index.html"));
        pages.MapGet(Admin.DashboardSetup.SignIn, (HttpContext http) => Serve(http, assets, "admin/index.html"));
        pages.MapGet("/pages/{**path}", (HttpContext http, string path) => Serve(http, assets, path));
    }

    private static IResult Serve(HttpContext http, PageAssets assets, string path)
    {
        var asset = assets.Find(path);
        if (asset is null)
        {
            return TypedResults.NotFound();
        }

        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";

        // Revalidate every time: the ETag makes that a 304, and a new deployment is picked up at once.
        headers.CacheControl = "no-cache";
        return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
    }
}
