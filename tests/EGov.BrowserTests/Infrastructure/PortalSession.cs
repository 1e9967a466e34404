using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests.Infrastructure;

/// <summary>Opens the citizen portal <c>/dich-vu-cong</c> and signs in through its development form.</summary>
internal static class PortalSession
{
    public const string Path = "/dich-vu-cong";

    /// <summary>Signs in as the citizen with this identity number and lands on "my dossiers".</summary>
    public static async Task<IPage> SignInAsCitizenAsync(this IPage page, string citizenId, string name)
    {
        await page.GotoAsync($"{Path}#/dang-nhap");
        await page.Locator("#si-id").FillAsync(citizenId);
        await page.Locator("#si-name").FillAsync(name);
        await page.Locator("#dev-sign-in button[type=submit]").ClickAsync();
        await Expect(page.Locator("#who-name")).ToHaveTextAsync(name);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hồ sơ của tôi");
        return page;
    }

    /// <summary>Goes to a route of the portal (the part from <c>#</c>) and waits for its heading; on the same route, reloads as a citizen would.</summary>
    public static async Task OpenAsync(this IPage page, string route)
    {
        if (new Uri(page.Url).Fragment == route)
        {
            await page.ReloadAsync();
        }
        else
        {
            await page.EvaluateAsync("route => { location.hash = route; }", route);
        }

        await Expect(page.Locator("#view h1")).ToBeVisibleAsync();
    }

    /// <summary>Switches the language with the header's button and waits for the page to say it.</summary>
    public static async Task SwitchLanguageAsync(this IPage page, string to)
    {
        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", to);
    }
}
