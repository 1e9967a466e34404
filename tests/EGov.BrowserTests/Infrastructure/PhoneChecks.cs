using Microsoft.Playwright;

namespace EGov.BrowserTests.Infrastructure;

/// <summary>What a page must hold on a phone: no sideways scrolling and touch targets a finger can hit.</summary>
public static class PhoneChecks
{
    /// <summary>The narrow phone the portal is built for (issue 18).</summary>
    public const int PhoneWidth = 360;

    /// <summary>WCAG 2.5.5 (AAA) asks 44 × 44 CSS px; the portal holds its controls to the height.</summary>
    public const int MinTargetHeight = 44;

    // Controls a finger aims at. Links inside running text are the criterion's own "inline" exception.
    private const string Targets =
        "button, select, input:not([type=checkbox]):not([type=radio]), textarea, label.check-label, a.button, .portal-nav a, .breadcrumb a, .card-title a";

    public static async Task AssertFitsPhoneAsync(this IPage page)
    {
        await page.SetViewportSizeAsync(PhoneWidth, 800);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than a {PhoneWidth} px phone");
        var small = await page.EvaluateAsync<string[]>(
            """
            ([selector, min]) => [...document.querySelectorAll(selector)]
              .filter((e) => e.offsetParent !== null && !e.closest('.skip-link'))
              .map((e) => [e, e.getBoundingClientRect()])
              .filter(([, r]) => r.height + 0.5 < min)
              .map(([e, r]) => `${e.tagName.toLowerCase()}#${e.id} "${e.textContent.trim().slice(0, 40)}" ${Math.round(r.height)} px`)
            """,
            new object[] { Targets, MinTargetHeight });
        Assert.True(small.Length == 0, "touch targets under 44 px: " + string.Join("; ", small));
    }
}
