using System.Globalization;
using System.Text.Json;
using EGov.BrowserTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests;

/// <summary>The leader dashboard <c>/dashboard</c> in Chromium, signed in through the development token form.</summary>
public sealed class DashboardPageTests(PagesFixture pages)
{
    private const string Unit = OverdueDossier.Unit;

    /// <param name="prepare">Runs on the fresh page before it opens the dashboard (to intercept requests).</param>
    private async Task<IPage> SignedInAsync(Func<IPage, Task>? prepare = null)
    {
        var page = await pages.NewPageAsync();
        if (prepare is not null)
        {
            await prepare(page);
        }

        return await page.SignInAsync(Unit, Roles.Leader);
    }

    private ILocator Figure(IPage page, string name) => page.Locator($"#units [data-unit='{Unit}'] [data-figure='{name}']");

    private async Task<JsonElement> UnitReportAsync()
    {
        var leader = await pages.Host.ClientAsync("lanh-dao", [Roles.Leader], Unit);
        var report = await leader.GetOkAsync("/api/v1/statistics");
        return report.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unit").GetString() == Unit);
    }

    [Fact]
    public async Task Signing_in_and_switching_language_work_and_the_choice_is_remembered()
    {
        var page = await pages.NewPageAsync();
        await page.GotoAsync("/dashboard");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bảng điều hành của lãnh đạo");
        await Expect(page.Locator("#dev-sign-in")).ToBeVisibleAsync();
        await Expect(page.Locator("#si-unit option[value='STP']")).ToHaveTextAsync("Sở Tư pháp (STP)");
        await page.AssertAccessibleAsync();

        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Leader dashboard");
        await Expect(page.Locator("label[for='si-unit']")).ToHaveTextAsync("Unit");
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#lang-toggle")).ToHaveTextAsync("Tiếng Việt");
        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bảng điều hành của lãnh đạo");

        await page.Locator("#si-unit").SelectOptionAsync(Unit);
        await page.Locator("#dev-sign-in button[type=submit]").ClickAsync();
        await Expect(page.Locator("#who")).ToContainTextAsync("lanh-dao · Lãnh đạo · Sở Tư pháp (STP)");
        Assert.StartsWith("ey", await page.EvaluateAsync<string>("() => sessionStorage.getItem('egov.dashboard.token')"), StringComparison.Ordinal);
        await page.ReloadAsync();
        await Expect(page.Locator("#board")).ToBeVisibleAsync();

        await page.Locator("#sign-out").ClickAsync();
        await Expect(page.Locator("#dev-sign-in")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('egov.dashboard.token')"));
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_leader_sees_the_figures_the_api_reports_the_trend_and_the_overdue_table_in_both_languages()
    {
        var overdue = await pages.OverdueDossierAsync();
        var code = overdue.GetProperty("code").GetString()!;
        var page = await SignedInAsync();

        await Expect(page.Locator($"#overdue-rows tr[data-code='{code}']")).ToBeVisibleAsync();
        var unit = await UnitReportAsync();
        await Expect(Figure(page, "overdue")).Not.ToHaveTextAsync("0");
        await AssertFiguresAsync(page, unit);

        var leader = await pages.Host.ClientAsync("lanh-dao", [Roles.Leader], Unit);
        var entry = (await leader.GetOkAsync($"/api/v1/statistics/watch-list?unit={Unit}&kind=overdue"))
            .EnumerateArray().Single(e => e.GetProperty("code").GetString() == code);
        var cells = page.Locator($"#overdue-rows tr[data-code='{code}'] > *");
        await Expect(cells).ToHaveTextAsync([
            code,
            entry.GetProperty("procedureName").GetString()!,
            entry.GetProperty("dueAt").GetDateTimeOffset().ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
            "Sở Tư pháp (STP)",
            entry.GetProperty("holdingStep").GetString()!,
            "Chuyên viên",
            OverdueDossier.Officer,
            entry.GetProperty("escalationLevel").GetInt32() is var level and > 0 ? $"Cấp {level}" : "—",
        ]);
        await Expect(page.Locator("#trend svg[role='img']")).ToHaveAttributeAsync("aria-labelledby", "trend-svg-title trend-svg-desc");
        await Expect(page.Locator("#trend figcaption")).ToContainTextAsync("tiếp nhận");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("dashboard-vi");

        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#overdue-title")).ToHaveTextAsync("Overdue dossiers");
        await Expect(page.Locator($"#overdue-rows tr[data-code='{code}'] td").Nth(4)).ToHaveTextAsync("Specialist");
        await Expect(page.Locator("#units .tile dt").First).ToHaveTextAsync("Received");
        await AssertFiguresAsync(page, unit);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("dashboard-en");

        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.Locator("#units .tile dt").First).ToHaveTextAsync("Tiếp nhận");
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    private async Task AssertFiguresAsync(IPage page, JsonElement unit)
    {
        var received = unit.GetProperty("received");
        var inProgress = unit.GetProperty("inProgress");
        int Get(JsonElement e, string name) => e.GetProperty(name).GetInt32();
        var expected = new Dictionary<string, int>
        {
            ["received-total"] = Get(received, "online") + Get(received, "direct") + Get(received, "carriedOver"),
            ["received-online"] = Get(received, "online"),
            ["received-direct"] = Get(received, "direct"),
            ["received-carried-over"] = Get(received, "carriedOver"),
            ["within-deadline"] = Get(inProgress, "withinDeadline"),
            ["overdue"] = Get(inProgress, "overdue"),
            ["due-soon"] = Get(unit, "dueSoon"),
        };
        foreach (var (name, value) in expected)
        {
            await Expect(Figure(page, name)).ToHaveTextAsync(value.ToString(CultureInfo.InvariantCulture));
        }

        var rate = unit.GetProperty("onTimeRate");
        var shown = await Figure(page, "on-time-rate").GetAttributeAsync("data-value");
        if (rate.ValueKind == JsonValueKind.Null)
        {
            Assert.Equal(string.Empty, shown);
            await Expect(Figure(page, "on-time-rate")).ToHaveTextAsync("—");
        }
        else
        {
            Assert.Equal(rate.GetDouble(), double.Parse(shown!, CultureInfo.InvariantCulture), 9);
            await Expect(Figure(page, "on-time-rate")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+([.,]\d)?\s?%$"));
        }
    }

    [Fact]
    public async Task A_dossier_received_through_the_api_shows_on_the_open_dashboard_within_two_seconds()
    {
        await pages.OverdueDossierAsync();
        var page = await SignedInAsync();
        await Expect(page.Locator("#live-mode")).ToHaveTextAsync("(trực tiếp)");
        await Expect(Figure(page, "received-online")).ToHaveTextAsync(Get(await UnitReportAsync(), "received", "online"));
        var online = int.Parse(await Figure(page, "received-online").TextContentAsync() ?? "", CultureInfo.InvariantCulture);
        var within = int.Parse(await Figure(page, "within-deadline").TextContentAsync() ?? "", CultureInfo.InvariantCulture);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        // A citizen applies online (Submitted: not counted yet); the desk receives it, which starts the clock.
        var citizenId = Api.NewCitizenId();
        var citizen = await pages.Host.ClientAsync($"citizen-{citizenId}", [Roles.Citizen], citizenId: citizenId);
        var submitted = await citizen.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01", citizenId, channel: "Online"));
        var desk = await pages.Host.ClientAsync("desk-live", [Roles.DeskOfficer], Unit);
        await desk.PostOkAsync($"/api/v1/dossiers/{submitted.GetProperty("id").GetGuid()}/receive", new { });

        var twoSeconds = new LocatorAssertionsToHaveTextOptions { Timeout = 2000 };
        await Expect(Figure(page, "received-online")).ToHaveTextAsync((online + 1).ToString(CultureInfo.InvariantCulture), twoSeconds);
        await Expect(Figure(page, "within-deadline")).ToHaveTextAsync((within + 1).ToString(CultureInfo.InvariantCulture), twoSeconds);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        await Expect(page.Locator("#last-updated")).Not.ToBeEmptyAsync();
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    private static string Get(JsonElement unit, string group, string name) =>
        unit.GetProperty(group).GetProperty(name).GetInt32().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task When_the_stream_fails_the_dashboard_polls_and_still_follows_changes()
    {
        await pages.OverdueDossierAsync();
        var page = await SignedInAsync(p => p.RouteAsync("**/api/v1/statistics/stream**", route => route.AbortAsync()));
        await Expect(page.Locator("#live-mode")).ToHaveTextAsync("(làm mới 5 giây một lần)");
        await Expect(Figure(page, "received-direct")).ToHaveTextAsync(Get(await UnitReportAsync(), "received", "direct"));
        var direct = int.Parse(await Figure(page, "received-direct").TextContentAsync() ?? "", CultureInfo.InvariantCulture);

        var desk = await pages.Host.ClientAsync("desk-poll", [Roles.DeskOfficer], Unit);
        await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        await Expect(Figure(page, "received-direct")).ToHaveTextAsync((direct + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 8000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Picking_a_period_shows_that_periods_figures()
    {
        var page = await ShowingFiguresAsync();
        await page.Locator("#from").FillAsync("01/02/2026");
        await page.Locator("#to").FillAsync("28/02/2026");
        await page.Locator("#period button[type=submit]").ClickAsync();

        var leader = await pages.Host.ClientAsync("lanh-dao", [Roles.Leader], Unit);
        var report = await leader.GetOkAsync("/api/v1/statistics?from=2026-02-01&to=2026-02-28");
        await Expect(page.Locator("#trend figcaption")).ToContainTextAsync("01/02/2026");
        await AssertFiguresAsync(page, report.GetProperty("units")[0]);
        await Expect(page.Locator("#to")).ToHaveValueAsync("28/02/2026");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> ShowingFiguresAsync()
    {
        await pages.OverdueDossierAsync();
        var page = await SignedInAsync();
        await Expect(Figure(page, "received-total")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task The_report_downloads_as_csv_and_xlsx_with_the_token()
    {
        var page = await ShowingFiguresAsync();

        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);
        var csvBytes = await File.ReadAllBytesAsync(await csv.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);
        var xlsxBytes = await File.ReadAllBytesAsync(await xlsx.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal("PK"u8.ToArray(), xlsxBytes[..2]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_signed_in_dashboard_fits_a_320_px_screen_and_passes_axe_there()
    {
        var page = await ShowingFiguresAsync();
        await page.AssertNoHorizontalScrollAsync();
        await page.AssertAccessibleAsync();
        await page.Context.CloseAsync();
    }
}
