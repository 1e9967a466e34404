using System.Globalization;
using System.Net;
using System.Text.Json;
using EGov.BrowserTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests;

/// <summary>The citizen lookup page <c>/tra-cuu</c> in Chromium, against dossiers taken in through the API.</summary>
public sealed class LookupPageTests(PagesFixture pages)
{
    private async Task<JsonElement> DeskIntakeAsync()
    {
        var desk = await pages.Host.ClientAsync("desk-lookup", [Roles.DeskOfficer], "STP");
        return await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
    }

    private static string Shown(JsonElement instant) => instant.GetDateTimeOffset().ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_receipt_link_shows_the_dossiers_status_appointment_and_timeline()
    {
        var dossier = await DeskIntakeAsync();
        var code = dossier.GetProperty("code").GetString()!;
        var page = await pages.NewPageAsync();

        await page.GotoAsync($"/tra-cuu?code={code}");

        await Expect(page.Locator("#result")).ToBeVisibleAsync();
        await Expect(page.Locator("#r-code")).ToHaveTextAsync(code);
        await Expect(page.Locator("#r-procedure")).ToContainTextAsync("lý lịch tư pháp");
        await Expect(page.Locator("#r-unit")).ToHaveTextAsync("Sở Tư pháp");
        await Expect(page.Locator("#r-status")).ToHaveTextAsync("Đã tiếp nhận (Received)");
        await Expect(page.Locator("#r-received")).ToHaveTextAsync(Shown(dossier.GetProperty("receivedAt")));
        await Expect(page.Locator("#r-due")).ToHaveTextAsync(Shown(dossier.GetProperty("dueAt")));
        await Expect(page.Locator("#r-timeline li")).ToHaveCountAsync(2);
        await Expect(page.Locator("#r-timeline li").Nth(0)).ToContainTextAsync("Đã nộp, chờ tiếp nhận (Submitted)");
        await Expect(page.Locator("#r-timeline li").Nth(1)).ToContainTextAsync("Đã tiếp nhận (Received)");
        await Expect(page.Locator("#message")).ToContainTextAsync($"Found dossier {code}");

        page.AssertNoScriptErrors();
        await page.SaveScreenshotAsync("tra-cuu");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task In_a_US_browser_in_New_York_the_lookup_shows_the_provinces_times_as_dd_mm_yyyy()
    {
        var dossier = await DeskIntakeAsync();
        var code = dossier.GetProperty("code").GetString()!;
        var page = await pages.NewForeignPageAsync();
        static string InProvince(DateTimeOffset instant) =>
            instant.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

        await page.GotoAsync($"/tra-cuu?code={code}");

        await Expect(page.Locator("#r-received")).ToHaveTextAsync(InProvince(dossier.GetProperty("receivedAt").GetDateTimeOffset()));
        await Expect(page.Locator("#r-due")).ToHaveTextAsync(InProvince(dossier.GetProperty("dueAt").GetDateTimeOffset()));
        var anonymous = pages.Host.CreateClient();
        var timeline = (await anonymous.GetOkAsync($"/api/v1/public/dossiers/{code}")).GetProperty("timeline").EnumerateArray()
            .Select(e => InProvince(e.GetProperty("at").GetDateTimeOffset())).ToArray();
        for (var i = 0; i < timeline.Length; i++)
        {
            await Expect(page.Locator("#r-timeline li").Nth(i)).ToContainTextAsync(timeline[i]);
        }

        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_lookup_works_with_the_keyboard_alone()
    {
        var code = (await DeskIntakeAsync()).GetProperty("code").GetString()!;
        var page = await pages.NewPageAsync();
        await page.GotoAsync("/tra-cuu");

        // The first stop is the skip link; following it lands in the main content, the next stop is the code.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#code")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(code.ToLowerInvariant());
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#r-code")).ToHaveTextAsync(code);

        // The button is the next stop and answers Enter too.
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#lookup")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#r-code")).ToHaveTextAsync(code);
        Assert.EndsWith($"/tra-cuu?code={code}", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Unknown_and_malformed_codes_are_answered_in_Vietnamese_and_English()
    {
        var page = await pages.NewPageAsync();
        await page.GotoAsync("/tra-cuu?code=H10.22-991231-9999");
        await Expect(page.Locator("#message")).ToContainTextAsync("Không tìm thấy hồ sơ có mã H10.22-991231-9999");
        await Expect(page.Locator("#message")).ToContainTextAsync("No dossier has the code H10.22-991231-9999");
        await Expect(page.Locator("#result")).ToBeHiddenAsync();

        await page.Locator("#code").FillAsync("hồ sơ của tôi");
        await page.Locator("#lookup").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("Mã hồ sơ không đúng định dạng");
        await Expect(page.Locator("#message")).ToContainTextAsync("The dossier code is malformed");
        await Expect(page.Locator("#code")).ToHaveAttributeAsync("aria-invalid", "true");
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_lookup_page_passes_axe_and_fits_a_320_px_screen()
    {
        var dossier = await DeskIntakeAsync();
        var page = await pages.NewPageAsync();
        await page.GotoAsync($"/tra-cuu?code={dossier.GetProperty("code").GetString()}");
        await Expect(page.Locator("#result")).ToBeVisibleAsync();

        await page.AssertAccessibleAsync();
        await page.AssertNoHorizontalScrollAsync();
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_pages_are_served_anonymously_with_a_strict_content_security_policy()
    {
        var anonymous = pages.Host.CreateClient();
        foreach (var path in new[] { "/tra-cuu", "/dashboard" })
        {
            var response = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/pages/shared/site.css", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/pages/nothing.js", TestContext.Current.CancellationToken)).StatusCode);
    }
}
