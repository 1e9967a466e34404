using System.Text;
using Microsoft.Playwright;

namespace EGov.BrowserTests.Infrastructure;

/// <summary>Checks and inputs the workspace tests share, beside <see cref="PageChecks"/>.</summary>
internal static class WorkspaceChecks
{
    /// <summary>The office screen and the phone every workspace view is checked at.</summary>
    public static readonly (int Width, int Height)[] Viewports = [(1366, 768), (360, 740)];

    /// <summary>At the page's current viewport nothing makes it scroll sideways.</summary>
    public static async Task AssertFitsWidthAsync(this IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var width = page.ViewportSize?.Width;
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than its {width} px viewport");
    }

    /// <summary>axe finds nothing serious or critical and the page fits, at every viewport of <see cref="Viewports"/>.</summary>
    public static async Task AssertAccessibleAtEveryWidthAsync(this IPage page)
    {
        var original = page.ViewportSize!;
        foreach (var (width, height) in Viewports)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.AssertAccessibleAsync();
            await page.AssertFitsWidthAsync();
        }

        await page.SetViewportSizeAsync(original.Width, original.Height);
    }

    /// <summary>A one-page PDF as a scanner would hand it over (the vault sniffs the %PDF- magic, not the name).</summary>
    public static FilePayload ScannedPdf(string name) => new()
    {
        Name = name,
        MimeType = "application/pdf",
        Buffer = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {name} {Guid.NewGuid()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    };
}
