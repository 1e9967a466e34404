using Deque.AxeCore.Playwright;
using EGov.Hosting;
using Microsoft.Playwright;

namespace EGov.BrowserTests.Infrastructure;

/// <summary>Checks every page test makes: accessibility (axe), layout at 320 px, no script errors; screenshots for the docs.</summary>
public static class PageChecks
{
    /// <summary>axe-core finds nothing serious or critical (WCAG 2.1 A and AA rules and best practices).</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var severe = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(severe.Count == 0, "axe: " + string.Join(Environment.NewLine, severe));
    }

    /// <summary>At 320 CSS pixels (a phone, or 1280 px at 400% zoom) nothing makes the page scroll sideways.</summary>
    public static async Task AssertNoHorizontalScrollAsync(this IPage page)
    {
        await page.SetViewportSizeAsync(320, 800);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than a 320 px viewport");
    }

    /// <summary>The page loaded its scripts and ran them without errors or Content-Security-Policy refusals.</summary>
    public static void AssertNoScriptErrors(this IPage page)
    {
        var bad = page.ConsoleLog().Where(l => l.StartsWith("pageerror", StringComparison.Ordinal) || l.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(bad.Count == 0, string.Join(Environment.NewLine, bad));
    }

    /// <summary>Set to 1 to refresh the screenshots the docs show (docs/screenshots) instead of the ignored folder.</summary>
    public const string RefreshVariable = "EGOV_REFRESH_SCREENSHOTS";

    /// <summary>
    /// Saves a full-page PNG under <c>artifacts/screenshots</c> (ignored by git) of the checkout the tests run from, or
    /// under <c>docs/screenshots</c> when <see cref="RefreshVariable"/> is 1: a test run leaves the tree clean, and the
    /// committed pictures change only when someone means them to.
    /// </summary>
    public static async Task SaveScreenshotAsync(this IPage page, string name)
    {
        var root = RepositoryLayout.FindRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException($"{RepositoryLayout.SolutionFile} not found above {AppContext.BaseDirectory}");
        var dir = ScreenshotFolder(root, Environment.GetEnvironmentVariable(RefreshVariable));
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    /// <summary>Where screenshots go for a value of <see cref="RefreshVariable"/>.</summary>
    private static string ScreenshotFolder(string root, string? refresh) =>
        refresh == "1" ? Path.Combine(root, "docs", "screenshots") : Path.Combine(root, "artifacts", "screenshots");
}
