using EGov.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace EGov.BrowserTests.Infrastructure;

/// <summary>
/// A host of its own that signs people in through <see cref="LocalOidcProvider"/> (HTTPS, self-signed), and browser
/// contexts on it: what the pages' OIDC tests share.
/// </summary>
internal static class OidcPages
{
    /// <summary>A provider and a host that trusts it, with <paramref name="path"/> as a redirect the provider accepts.</summary>
    public static async Task<(LocalOidcProvider Provider, TestHost Host)> StartOidcHostAsync(this PagesFixture pages, string path, OidcUser user)
    {
        var provider = await LocalOidcProvider.StartAsync();
        var host = await TestHost.StartAsync(pages.Postgres, new Dictionary<string, string?>
        {
            ["Auth:Authority"] = provider.Issuer,
            ["Auth:Audience"] = LocalOidcProvider.Audience,
            ["Auth:SignIn:ClientId"] = provider.ClientId,
            ["Auth:BackchannelCertificate"] = provider.CertificateThumbprint,
        });
        provider.RedirectUris.Add(host.Http.BaseAddress + path.TrimStart('/'));
        provider.NextUser = user;
        return (provider, host);
    }

    /// <summary>A fresh context on <paramref name="host"/>; like the host's pinned backchannel, it accepts the provider's certificate.</summary>
    public static async Task<IPage> NewOidcPageAsync(this PagesFixture pages, TestHost host)
    {
        var page = await Chromium.NewPageAsync(pages.Browser, host.Http.BaseAddress!, 1280, 900, trustSelfSigned: true);
        // Two hosts and a provider on a shared 2-core machine: a round trip to the provider takes longer.
        page.SetDefaultTimeout(20_000);
        return page;
    }
}
