using EGov.BrowserTests.Infrastructure;
using EGov.Kernel;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests.Workspace;

/// <summary>The workspace <c>/lam-viec</c> loads under the strict CSP, signs in and out, and switches language.</summary>
public sealed class WorkspaceSmokeTests(PagesFixture pages)
{
    [Fact]
    public async Task Signing_in_shows_the_queue_and_signing_out_forgets_the_token()
    {
        var page = await pages.NewPageAsync(1366, 768);
        await page.GotoAsync("/lam-viec");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.Locator("#sign-in-title")).ToHaveTextAsync("Đăng nhập");
        await Expect(page.Locator("#si-demo button")).ToHaveCountAsync(3);
        await page.AssertAccessibleAsync();

        await page.SignInWorkspaceAsync("STP", Roles.DeskOfficer, "desk-smoke", "Nguyễn Thị Mai");
        await Expect(page.Locator("#who")).ToContainTextAsync("Nguyễn Thị Mai · Cán bộ một cửa · Sở Tư pháp (STP)");
        Assert.StartsWith("ey", await page.EvaluateAsync<string>("() => sessionStorage.getItem('egov.workspace.token')"), StringComparison.Ordinal);
        await Expect(page.Locator("#list-tabs a")).ToHaveCountAsync(6);
        await page.ReloadAsync();
        await Expect(page.Locator("#view-queue")).ToBeVisibleAsync();

        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#queue-title")).ToHaveTextAsync("My queue");
        await Expect(page.Locator("#list-tabs a").First).ToContainTextAsync("Assigned to me");
        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("#queue-title")).ToHaveTextAsync("Hàng việc");

        await page.Locator("#sign-out").ClickAsync();
        await Expect(page.Locator("#dev-sign-in")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('egov.workspace.token')"));
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }
}
