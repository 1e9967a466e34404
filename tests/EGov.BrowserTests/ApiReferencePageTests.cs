using EGov.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests;

/// <summary>
/// The Scalar API reference <c>/scalar</c> in Chromium: on a government network (often without internet) every
/// request the page makes goes to the host itself, and nothing offers outside services (AI chat, deploy).
/// </summary>
public sealed class ApiReferencePageTests(PagesFixture pages)
{
    [Fact]
    public async Task The_api_reference_loads_everything_from_the_host_and_offers_no_outside_services()
    {
        var page = await pages.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
            }
        };

        var document = await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync("/scalar/"), r => r.Url.Contains("/openapi/v1.json", StringComparison.Ordinal));
        Assert.Equal(200, document.Status);
        await Expect(page.GetByText("EGovPlatform API").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Dossiers").First).ToBeVisibleAsync();
        // Fonts, telemetry and lazy chunks load after the first paint: wait until the network is quiet, then a little.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(1_500);

        var origin = pages.BaseAddress.GetLeftPart(UriPartial.Authority);
        string[] outside;
        lock (requests)
        {
            outside = requests
                .Where(u => !u.StartsWith("data:", StringComparison.Ordinal) && !u.StartsWith("blob:", StringComparison.Ordinal))
                .Where(u => !u.StartsWith(origin + "/", StringComparison.Ordinal))
                .Distinct()
                .ToArray();
        }

        Assert.True(outside.Length == 0, "requests to other origins: " + string.Join(", ", outside));
        Assert.Contains(requests, u => u.StartsWith(origin + "/openapi/v1.json", StringComparison.Ordinal));

        foreach (var label in new[] { "Ask AI", "Deploy" })
        {
            await Expect(page.GetByText(label)).ToHaveCountAsync(0);
            foreach (var role in new[] { AriaRole.Button, AriaRole.Link, AriaRole.Textbox })
            {
                await Expect(page.GetByRole(role, new() { Name = label })).ToHaveCountAsync(0);
            }
        }

        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }
}
