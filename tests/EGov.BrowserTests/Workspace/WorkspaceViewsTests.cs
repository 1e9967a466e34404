using EGov.BrowserTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests.Workspace;

/// <summary>
/// Every view of /lam-viec (sign-in, queue, dossier, assign dialog, intake, search, print) passes axe with nothing
/// serious or critical and fits without sideways scrolling at 1366×768 and at 360 px, in Vietnamese and in English;
/// the screenshots the docs show are taken here. And the page works from the keyboard alone.
/// </summary>
public sealed class WorkspaceViewsTests(PagesFixture pages)
{
    private const string Unit = "STP";

    private async Task<(string Id, string Code)> DossierAsync(string desk)
    {
        var client = await pages.Host.ClientAsync(desk, [Roles.DeskOfficer], Unit);
        var dossier = await client.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01", details: WorkspaceWalkTests.CriminalRecordDetails));
        return (dossier.GetProperty("id").GetString()!, dossier.GetProperty("code").GetString()!);
    }

    private static async Task CheckAsync(IPage page, string screenshot, string lang)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await page.AssertAccessibleAtEveryWidthAsync();
        await page.SaveScreenshotAsync($"{screenshot}-{lang}");
        page.AssertNoScriptErrors(); // after each view, so a failure names it
    }

    private static async Task SwitchLanguageAsync(IPage page, string lang)
    {
        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
    }

    [Fact]
    public async Task Every_view_is_accessible_and_fits_the_office_screen_and_a_phone_in_both_languages()
    {
        var (id, code) = await DossierAsync("mc-views");
        await pages.WorkspaceAsync(Unit, Roles.Specialist, "cv-views", "Trần Văn Hùng"); // listed in the directory
        var page = await pages.NewPageAsync(1366, 768);
        await page.GotoAsync("/lam-viec");
        await Expect(page.Locator("#si-demo button")).ToHaveCountAsync(3);
        await CheckAsync(page, "workspace-sign-in", "vi");
        await page.SignInWorkspaceAsync(Unit, Roles.Leader, "ld-views", "Lê Thị Hoa");

        foreach (var lang in new[] { "vi", "en" })
        {
            await page.GotoAsync("/lam-viec#/hang-viec/unit-unassigned");
            await Expect(page.Locator($"#queue-table tr[data-code='{code}']")).ToBeVisibleAsync();
            await Expect(page.Locator("#list-tabs [data-count='unit-unassigned']")).Not.ToHaveTextAsync("…");
            await CheckAsync(page, "workspace-queue", lang);

            await page.GotoAsync($"/lam-viec#/ho-so/{id}");
            await Expect(page.Locator("#d-code")).ToHaveTextAsync(code);
            await Expect(page.Locator("#d-form-list li")).Not.ToHaveCountAsync(0);
            await Expect(page.Locator("#d-details dt[data-field='certificateType']")).ToHaveTextAsync(lang == "vi" ? "Loại Phiếu yêu cầu cấp" : "Kind of certificate");
            await CheckAsync(page, "workspace-dossier", lang);

            await page.Locator("#d-actions button[data-action='assign']").ClickAsync();
            await Expect(page.Locator("#assign-officers input[value='cv-views']")).ToHaveCountAsync(1);
            await CheckAsync(page, "workspace-assign", lang);
            await page.Keyboard.PressAsync("Escape");
            await Expect(page.Locator("#assign-dialog")).ToBeHiddenAsync();

            await page.GotoAsync("/lam-viec#/tiep-nhan");
            await page.Locator("#i-procedure").SelectOptionAsync("TP-LLTP-01");
            await Expect(page.Locator("#i-field-purpose")).ToBeVisibleAsync();
            await CheckAsync(page, "workspace-intake", lang);

            await page.GotoAsync($"/lam-viec#/tim?q={code}");
            await Expect(page.Locator($"#search-table tr[data-code='{code}']")).ToBeVisibleAsync();
            await CheckAsync(page, "workspace-search", lang);

            if (lang == "vi")
            {
                await SwitchLanguageAsync(page, "en");
            }
        }

        var forms = await (await pages.Host.ClientAsync("ld-views", [Roles.Leader], Unit)).GetOkAsync($"/api/v1/dossiers/{id}/forms");
        var receipt = forms.EnumerateArray().First(f => f.GetProperty("form").GetString() == "01").GetProperty("id").GetString();
        await page.GotoAsync($"/lam-viec#/in/{id}/{receipt}");
        await Expect(page.Locator("#print-form[data-loaded='1']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#print-form")).ToContainTextAsync(code);
        await CheckAsync(page, "workspace-print", "en");
        await SwitchLanguageAsync(page, "vi");
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_shortcuts_reach_search_intake_the_queue_and_the_dossier_from_the_keyboard()
    {
        var (_, code) = await DossierAsync("mc-keys");
        var page = await pages.WorkspaceAsync(Unit, Roles.DeskOfficer, "mc-keys-ui");
        await Expect(page.Locator(".shortcuts li")).ToHaveCountAsync(8);

        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("#search-q")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(code);
        await Expect(page.Locator("#search-q")).ToHaveValueAsync(code);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"#search-table tr[data-code='{code}']")).ToBeVisibleAsync();
        await page.Locator("#search-q").BlurAsync();
        await page.Keyboard.PressAsync("j");
        await Expect(page.Locator($"#search-table tr[data-code='{code}'] a")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#d-code")).ToHaveTextAsync(code);

        await page.Keyboard.PressAsync("g");
        await Expect(page.Locator("#view-queue")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("2");
        await Expect(page.Locator("#list-tabs a[data-list='unit-unassigned']")).ToHaveAttributeAsync("aria-current", "page");
        await page.Keyboard.PressAsync("n");
        await Expect(page.Locator("#view-intake")).ToBeVisibleAsync();
        await Expect(page.Locator("#i-procedure")).ToBeFocusedAsync();

        // Typing in a field never fires a shortcut.
        await page.Locator("#search-q").FillAsync(string.Empty);
        await page.Keyboard.TypeAsync("ng");
        await Expect(page.Locator("#view-intake")).ToBeVisibleAsync();
        await Expect(page.Locator("#search-q")).ToHaveValueAsync("ng");

        await page.Locator("#main").FocusAsync();
        await page.Keyboard.PressAsync("l");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#intake-title")).ToHaveTextAsync("Desk intake");
        await page.Keyboard.PressAsync("l");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");

        // Focus is visible: the focused control draws an outline.
        await page.Locator("#nav-queue").FocusAsync();
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_queue_marks_its_first_useful_paint()
    {
        var page = await pages.WorkspaceAsync(Unit, Roles.Specialist, "cv-paint");
        await page.ReloadAsync();
        await Expect(page.Locator("#queue-table table, #queue-table .empty")).Not.ToHaveCountAsync(0);
        var marks = await page.EvaluateAsync<int>("() => performance.getEntriesByName('egov:first-useful-paint').length");
        Assert.Equal(1, marks);
        await page.Context.CloseAsync();
    }
}
