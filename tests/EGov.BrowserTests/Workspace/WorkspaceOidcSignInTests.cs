using EGov.BrowserTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests.Workspace;

/// <summary>
/// <c>/lam-viec</c> and <c>/dich-vu-cong</c> sign in through a real OIDC provider (<see cref="LocalOidcProvider"/>) in
/// Chromium, as <c>/dashboard</c> does: the button replaces the development form, the page comes back with a code the
/// host exchanges, the provider's token is the tab's, and a forged answer is refused.
/// </summary>
public sealed class WorkspaceOidcSignInTests(PagesFixture pages)
{
    [Fact]
    public async Task An_officer_signs_in_to_the_workspace_through_the_provider_and_a_forged_answer_is_refused()
    {
        var (provider, host) = await pages.StartOidcHostAsync("/lam-viec", new OidcUser("oidc-chuyen-vien", "Trần Văn Hùng", [Roles.Specialist], "STP"));
        await using var _ = provider;
        await using var __ = host;
        var page = await pages.NewOidcPageAsync(host);

        await page.GotoAsync("/lam-viec");
        await Expect(page.Locator("#oidc-button")).ToHaveTextAsync("Đăng nhập qua hệ thống định danh");
        await Expect(page.Locator("#dev-sign-in")).ToBeHiddenAsync();
        await Expect(page.Locator("#token-sign-in")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.Locator("#oidc-button").ClickAsync();
        await Expect(page.Locator("#view-queue")).ToBeVisibleAsync();
        await Expect(page.Locator("#who")).ToContainTextAsync("Trần Văn Hùng · Chuyên viên · Sở Tư pháp (STP)");
        Assert.DoesNotContain("code=", page.Url, StringComparison.Ordinal);
        Assert.Equal(provider.Issuer, await page.EvaluateAsync<string>(
            "() => JSON.parse(atob(sessionStorage.getItem('egov.workspace.token').split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).iss"));
        // The queue's counts came from the API with the provider's token.
        await Expect(page.Locator("#list-tabs [data-count='mine']")).Not.ToHaveTextAsync("…");

        await page.Locator("#sign-out").ClickAsync();
        await Expect(page.Locator("#oidc-button")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('egov.oidc.refresh')"));

        await page.GotoAsync("/lam-viec?code=forged-code&state=forged-state");
        await Expect(page.Locator("#announcer")).ToHaveTextAsync("Lần đăng nhập này không hợp lệ hoặc đã được dùng. Vui lòng đăng nhập lại.");
        await Expect(page.Locator("#oidc-button")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('egov.workspace.token')"));
        Assert.Single(provider.TokenCalls);
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_signs_in_to_the_portal_through_the_provider_and_lands_where_they_were_going()
    {
        var citizenId = Api.NewCitizenId();
        var (provider, host) = await pages.StartOidcHostAsync("/dich-vu-cong", new OidcUser($"oidc-{citizenId}", "Phạm Văn Đức", [Roles.Citizen], CitizenId: citizenId));
        await using var _ = provider;
        await using var __ = host;
        var page = await pages.NewOidcPageAsync(host);

        // "My dossiers" needs a signed-in citizen: the sign-in view, with the provider's button and no demo citizens.
        await page.GotoAsync("/dich-vu-cong#/ho-so");
        await Expect(page.Locator("#oidc-button")).ToHaveTextAsync("Đăng nhập qua hệ thống định danh");
        await Expect(page.Locator("#demo-citizens")).ToHaveCountAsync(0);
        await Expect(page.Locator("#token-sign-in")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.Locator("#oidc-button").ClickAsync();
        await Expect(page.Locator("#who-name")).ToHaveTextAsync("Phạm Văn Đức");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dich-vu-cong#/ho-so$"));
        Assert.Equal(provider.Issuer, await page.EvaluateAsync<string>(
            "() => JSON.parse(atob(sessionStorage.getItem('egov.portal.token').split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).iss"));

        await page.Locator("#nav-sign-out").ClickAsync();
        await Expect(page.Locator("#nav-sign-in")).ToBeVisibleAsync();
        await page.GotoAsync("/dich-vu-cong?code=forged-code&state=forged-state#/dang-nhap");
        await Expect(page.Locator("#announcer")).ToContainTextAsync("Lần đăng nhập này không hợp lệ hoặc đã được dùng.");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('egov.portal.token')"));
        Assert.Single(provider.TokenCalls);
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }
}
