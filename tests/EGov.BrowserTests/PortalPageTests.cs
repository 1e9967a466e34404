using System.Net;
using EGov.BrowserTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests;

/// <summary>
/// Every view of the citizen portal <c>/dich-vu-cong</c>: axe at full width and on a 360 px phone, touch targets,
/// both languages (with screenshots for docs/portal.md), the sign-in guard, the first-useful-paint mark and the CSP.
/// </summary>
public sealed class PortalPageTests(PagesFixture pages)
{
    private const string Name = "Trần Thị Bình";

    /// <summary>A citizen with one dossier waiting for a supplement and one delivered and waiting for a rating.</summary>
    private async Task<(string CitizenId, Guid Supplement, Guid Delivered)> CitizenWithDossiersAsync()
    {
        var citizenId = Api.NewCitizenId();
        var citizen = await pages.Host.ClientAsync($"c-{citizenId}", [Roles.Citizen], citizenId: citizenId);
        var desk = await pages.Host.ClientAsync("desk-portal-views", [Roles.DeskOfficer], "XA-TANDINH");
        var specialist = await pages.Host.ClientAsync("spec-portal-views", [Roles.Specialist], "XA-TANDINH");
        var chair = await pages.Host.ClientAsync("lead-portal-views", [Roles.Leader], "XA-TANDINH");
        var card = (await citizen.UploadOkAsync(Files.Pdf(), "identity-card", citizenId)).GetProperty("id").GetGuid();

        var waiting = await citizen.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake("TP-HT-KH-01", citizenId, [card], "Online"));
        var supplement = waiting.GetProperty("id").GetGuid();
        await desk.PostOkAsync($"/api/v1/dossiers/{supplement}/receive", new { });
        await specialist.PostOkAsync($"/api/v1/dossiers/{supplement}/request-supplement", new { reason = "Thiếu giấy xác nhận tình trạng hôn nhân" });

        var done = await citizen.PostOkAsync("/api/v1/dossiers", DocumentsApi.Intake("TP-HT-KH-01", citizenId, [card], "Online"));
        var delivered = done.GetProperty("id").GetGuid();
        foreach (var (client, action) in new[] { (desk, "receive"), (specialist, "complete-step"), (chair, "approve"), (desk, "issue-result"), (desk, "deliver") })
        {
            await client.PostOkAsync($"/api/v1/dossiers/{delivered}/{action}", new { });
        }

        return (citizenId, supplement, delivered);
    }

    [Fact]
    public async Task Every_view_passes_axe_at_full_width_and_on_a_360_px_phone_in_both_languages()
    {
        var (citizenId, supplement, delivered) = await CitizenWithDossiersAsync();
        var page = await pages.NewPageAsync();
        await page.GotoAsync(PortalSession.Path);
        await Expect(page.Locator(".procedure-card").First).ToBeVisibleAsync();
        await CheckViewAsync(page, "procedures", "Administrative procedures");
        await page.GotoAsync($"{PortalSession.Path}#/thu-tuc/TP-HT-KH-01");
        await Expect(page.Locator("#procedure-name")).ToHaveTextAsync("Đăng ký kết hôn");
        await CheckViewAsync(page, "procedure", "Submit online");
        await page.OpenAsync("#/dang-nhap");
        await CheckViewAsync(page, "sign-in", "Demo citizens");

        await page.SignInAsCitizenAsync(citizenId, Name);
        await Expect(page.Locator(".dossier-card")).ToHaveCountAsync(2);
        await CheckViewAsync(page, "my-dossiers", "What you need to do");
        await page.OpenAsync("#/nop/TP-HT-KH-01");
        await Expect(page.Locator("#submit-form")).ToBeVisibleAsync();
        await CheckViewAsync(page, "submit", "Submit the dossier");
        // A form sent incomplete shows its errors, which must be as accessible as the form.
        await page.Locator("#a-fullName").FillAsync("");
        await page.Locator("#send-dossier").ClickAsync();
        await Expect(page.Locator("#a-fullName")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.AssertAccessibleAsync();

        await page.OpenAsync($"#/ho-so/{supplement}");
        await Expect(page.Locator("#supplement-panel")).ToBeVisibleAsync();
        await CheckViewAsync(page, "supplement", "Send more documents");
        await page.OpenAsync($"#/ho-so/{delivered}");
        await Expect(page.Locator("#rating-panel")).ToBeVisibleAsync();
        await CheckViewAsync(page, "rating", "Rate the service");

        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    /// <summary>axe and the phone checks in Vietnamese, then the same in English; a screenshot of each.</summary>
    private static async Task CheckViewAsync(IPage page, string view, string englishText)
    {
        await page.SetViewportSizeAsync(1280, 900);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync($"portal-{view}-vi");
        await page.AssertFitsPhoneAsync();
        await page.AssertAccessibleAsync();

        await page.SwitchLanguageAsync("en");
        await Expect(page.Locator("#view")).ToContainTextAsync(englishText);
        await page.AssertAccessibleAsync();
        await page.AssertFitsPhoneAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.SaveScreenshotAsync($"portal-{view}-en");
        await page.SwitchLanguageAsync("vi");
    }

    [Fact]
    public async Task Switching_language_rewrites_the_form_in_place_and_keeps_what_the_citizen_typed()
    {
        var citizenId = Api.NewCitizenId();
        var page = await pages.NewPageAsync();
        await page.SignInAsCitizenAsync(citizenId, Name);
        await page.OpenAsync("#/nop/TP-LLTP-01");
        await page.Locator("#a-phone").FillAsync("0987654321");
        await page.Locator("#a-address").FillAsync("12 Lê Lợi, Tân Định");

        await page.SwitchLanguageAsync("en");
        await Expect(page.Locator("label[for='a-phone']")).ToHaveTextAsync("Phone number");
        await Expect(page.Locator("#lang-toggle")).ToHaveTextAsync("Tiếng Việt");
        Assert.StartsWith("Submit online", await page.TitleAsync(), StringComparison.Ordinal);
        await Expect(page.Locator("#a-phone")).ToHaveValueAsync("0987654321");
        await Expect(page.Locator("#a-address")).ToHaveValueAsync("12 Lê Lợi, Tân Định");

        // The choice is remembered: a reload comes back in English.
        await page.ReloadAsync();
        await Expect(page.Locator("label[for='a-phone']")).ToHaveTextAsync("Phone number");
        await page.SwitchLanguageAsync("vi");
        await Expect(page.Locator("label[for='a-phone']")).ToHaveTextAsync("Số điện thoại");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task My_dossiers_ask_for_sign_in_and_the_token_lives_in_the_tab_only()
    {
        var citizenId = Api.NewCitizenId();
        var page = await pages.NewPageAsync();
        await page.GotoAsync($"{PortalSession.Path}#/ho-so");
        await Expect(page.Locator("#sign-in-needed")).ToBeVisibleAsync();
        await Expect(page.Locator("#demo-citizens button")).ToHaveCountAsync(3);

        await page.Locator("#si-id").FillAsync("12345");
        await page.Locator("#dev-sign-in button[type=submit]").ClickAsync();
        await Expect(page.Locator("#si-id")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#si-id-error")).ToContainTextAsync("12 chữ số");

        await page.Locator("#si-id").FillAsync(citizenId);
        await page.Locator("#si-name").FillAsync(Name);
        await page.Locator("#dev-sign-in button[type=submit]").ClickAsync();
        // Back where the citizen was going.
        await Expect(page.Locator("#view h1")).ToHaveTextAsync("Hồ sơ của tôi");
        Assert.EndsWith("#/ho-so", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("ey", await page.EvaluateAsync<string>("() => sessionStorage.getItem('egov.portal.token')"), StringComparison.Ordinal);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.cookie.length"));

        await page.Locator("#nav-sign-out").ClickAsync();
        await Expect(page.Locator("#announcer")).ToContainTextAsync("Đã đăng xuất");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('egov.portal.token')"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_procedure_list_marks_its_first_useful_paint_and_filters_by_unit()
    {
        var page = await pages.NewPageAsync();
        await page.GotoAsync(PortalSession.Path);
        await Expect(page.Locator(".procedure-card").First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => performance.getEntriesByName('egov:first-useful-paint').length === 1");

        var procedures = await pages.Host.CreateClient().GetOkAsync("/api/v1/procedures");
        var commune = procedures.EnumerateArray().Count(p => p.GetProperty("unit").GetString() == "XA-TANDINH");
        await Expect(page.Locator(".procedure-card")).ToHaveCountAsync(procedures.GetArrayLength());
        await page.Locator("#procedure-unit").SelectOptionAsync("XA-TANDINH");
        await Expect(page.Locator(".procedure-card:visible")).ToHaveCountAsync(commune);
        await Expect(page.Locator("#procedure-count")).ToContainTextAsync($"{commune} trong {procedures.GetArrayLength()}");
        await page.Locator("#procedure-search").FillAsync("khong co thu tuc nao nhu the");
        await Expect(page.Locator(".procedure-card:visible")).ToHaveCountAsync(0);
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_portal_is_served_anonymously_with_the_strict_content_security_policy_of_the_other_pages()
    {
        var anonymous = pages.Host.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var response = await anonymous.GetAsync(PortalSession.Path, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);

        // The very policy /tra-cuu is held to (LookupPageTests checks what it says): the portal asks for nothing more.
        var lookup = await anonymous.GetAsync("/tra-cuu", ct);
        Assert.Equal(lookup.Headers.GetValues("Content-Security-Policy"), response.Headers.GetValues("Content-Security-Policy"));
        var html = await response.Content.ReadAsStringAsync(ct);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)|\\bstyle=", html);
        Assert.Contains("content=\"dev\"", html, StringComparison.Ordinal); // the test host mints tokens: the dev sign-in
        foreach (var asset in new[] { "portal.js", "portal.css", "texts.js" })
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/pages/portal/{asset}", ct)).StatusCode);
        }
    }
}
