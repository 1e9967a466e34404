using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests.Infrastructure;

/// <summary>Opens <c>/dashboard</c> on a page and signs in through the development token form.</summary>
internal static class DashboardSignIn
{
    /// <param name="unit">The unit to sign in for; empty for an administrator's province-wide view.</param>
    public static async Task<IPage> SignInAsync(this IPage page, string unit, string role)
    {
        await page.GotoAsync("/dashboard");
        // The unit list arrives after the page: wait for it before picking from it.
        await Expect(page.Locator("#si-unit option[value='STP']")).ToHaveCountAsync(1);
        await page.Locator("#si-unit").SelectOptionAsync(unit);
        await page.Locator("#si-role").SelectOptionAsync(role);
        await page.Locator("#dev-sign-in button[type=submit]").ClickAsync();
        await Expect(page.Locator("#board")).ToBeVisibleAsync();
        return page;
    }
}
