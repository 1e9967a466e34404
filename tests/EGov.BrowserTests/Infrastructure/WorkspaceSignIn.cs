using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests.Infrastructure;

/// <summary>Opens <c>/lam-viec</c> and signs in through its development form as one officer.</summary>
internal static class WorkspaceSignIn
{
    /// <param name="subject">The officer's user name; the token's <c>name</c> claim is <paramref name="name"/>.</param>
    public static async Task<IPage> SignInWorkspaceAsync(this IPage page, string unit, string role, string subject, string? name = null)
    {
        await page.GotoAsync("/lam-viec");
        // The unit list arrives after the page: wait for it before picking from it.
        await Expect(page.Locator($"#si-unit option[value='{unit}']")).ToHaveCountAsync(1);
        await page.Locator("#si-unit").SelectOptionAsync(unit);
        await page.Locator("#si-role").SelectOptionAsync(role);
        await page.Locator("#si-user").FillAsync(subject);
        await page.Locator("#si-name").FillAsync(name ?? subject);
        await page.Locator("#dev-sign-in button[type=submit]").ClickAsync();
        await Expect(page.Locator("#view-queue")).ToBeVisibleAsync();
        // Signing in ends by moving focus to the main content: a key pressed before that would land elsewhere.
        await Expect(page.Locator("#main")).ToBeFocusedAsync();
        return page;
    }

    /// <summary>A fresh browser context signed in to the workspace (1366×768, the office screen, unless told otherwise).</summary>
    public static async Task<IPage> WorkspaceAsync(this PagesFixture pages, string unit, string role, string subject, string? name = null,
        int width = 1366, int height = 768)
    {
        var page = await pages.NewPageAsync(width, height);
        return await page.SignInWorkspaceAsync(unit, role, subject, name);
    }
}
