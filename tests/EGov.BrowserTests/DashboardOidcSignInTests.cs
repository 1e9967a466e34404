using EGov.BrowserTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests;

/// <summary>
/// <c>/dashboard</c> signing in through a real OIDC provider (<see cref="LocalOidcProvider"/>, HTTPS, self-signed) in
/// Chromium: the page leaves for the provider, comes back with a code, has the host exchange it, and shows the board
/// with the provider's token; a forged answer is refused; the token is renewed before it runs out and, when the
/// provider ends the session, the page says so and offers the sign-in again.
/// </summary>
public sealed class DashboardOidcSignInTests(PagesFixture pages)
{
    private const string TokenKey = "egov.dashboard.token";
    private const string RefreshKey = "egov.oidc.refresh";

    private Task<(LocalOidcProvider Provider, TestHost Host)> StartAsync() =>
        pages.StartOidcHostAsync("/dashboard", new OidcUser("oidc-lanh-dao", "Trần Thị Lãnh Đạo", [Roles.Leader], "STP"));

    private Task<IPage> NewPageAsync(TestHost host) => pages.NewOidcPageAsync(host);

    private static async Task SignInThroughProviderAsync(IPage page)
    {
        await page.GotoAsync("/dashboard");
        await Expect(page.Locator("#oidc-button")).ToBeVisibleAsync();
        await page.Locator("#oidc-button").ClickAsync();
        await Expect(page.Locator("#board")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_leader_signs_in_through_the_provider_and_a_forged_answer_is_refused()
    {
        var (provider, host) = await StartAsync();
        await using var _ = provider;
        await using var __ = host;
        var page = await NewPageAsync(host);

        await page.GotoAsync("/dashboard");
        await Expect(page.Locator("#oidc-button")).ToHaveTextAsync("Đăng nhập qua hệ thống định danh");
        // Development tokens are not valid beside a provider: the form that mints them is gone, pasting stays.
        await Expect(page.Locator("#dev-sign-in")).ToBeHiddenAsync();
        await Expect(page.Locator("#token-sign-in")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.Locator("#oidc-button").ClickAsync();
        await Expect(page.Locator("#board")).ToBeVisibleAsync();
        await Expect(page.Locator("#who")).ToContainTextAsync("oidc-lanh-dao · Lãnh đạo · Sở Tư pháp (STP)");
        Assert.DoesNotContain("code=", page.Url, StringComparison.Ordinal);
        Assert.Equal(provider.Issuer, await page.EvaluateAsync<string>(
            $"() => JSON.parse(atob(sessionStorage.getItem('{TokenKey}').split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).iss"));
        Assert.NotNull(await page.EvaluateAsync<string?>($"() => sessionStorage.getItem('{RefreshKey}')"));
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('egov.oidc.pending')"));
        // A public client: the host sent the code with the client id and no secret, once.
        Assert.Equal(new[] { ("authorization_code", "none") }, provider.TokenCalls.Select(c => (c.Grant, c.ClientAuthentication)).ToArray());
        // The board's figures came from the API with the provider's token.
        await Expect(page.Locator("#last-updated")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex(".+"), new() { Timeout = 30_000 });

        await page.Locator("#sign-out").ClickAsync();
        await Expect(page.Locator("#oidc-button")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>($"() => sessionStorage.getItem('{RefreshKey}')"));

        // An answer this tab never asked for (a link with someone else's code): refused without reaching the host.
        await page.GotoAsync("/dashboard?code=forged-code&state=forged-state");
        await Expect(page.Locator("#announcer")).ToHaveTextAsync("Lần đăng nhập này không hợp lệ hoặc đã được dùng. Vui lòng đăng nhập lại.");
        await Expect(page.Locator("#oidc-button")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>($"() => sessionStorage.getItem('{TokenKey}')"));
        Assert.Single(provider.TokenCalls);
        Assert.Equal("/dashboard", new Uri(page.Url).PathAndQuery);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_token_is_renewed_before_it_expires_and_an_ended_provider_session_asks_to_sign_in_again()
    {
        var (provider, host) = await StartAsync();
        await using var _ = provider;
        await using var __ = host;

        // A token a little over a minute long: the page renews it a minute ahead, so within seconds.
        provider.AccessTokenLifetime = TimeSpan.FromSeconds(65);
        var page = await NewPageAsync(host);
        await SignInThroughProviderAsync(page);
        var first = await page.EvaluateAsync<string>($"() => sessionStorage.getItem('{TokenKey}')");
        await page.WaitForFunctionAsync($"t => sessionStorage.getItem('{TokenKey}') !== t", first, new() { Timeout = 30_000 });
        Assert.Contains(provider.TokenCalls, c => c.Grant == "refresh_token");
        await Expect(page.Locator("#board")).ToBeVisibleAsync();

        // The provider ends the session: the next renewal is refused, and the page says to sign in again.
        provider.RevokeRefreshTokens();
        await Expect(page.Locator("#announcer")).ToHaveTextAsync("Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.", new() { Timeout = 30_000 });
        await Expect(page.Locator("#oidc-button")).ToBeVisibleAsync();
        await Expect(page.Locator("#board")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>($"() => sessionStorage.getItem('{TokenKey}')"));
        await page.Context.CloseAsync();
    }
}
