using System.Globalization;
using System.Text.Json;
using EGov.BrowserTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests;

/// <summary>
/// The dashboard's dates are the province's: dd/mm/yyyy and Asia/Ho_Chi_Minh whatever the browser's locale and zone
/// (here US English in New York, where 08:00 in Hà Nội is still the day before); the admin view starts with the total.
/// </summary>
public sealed class DashboardDatesTests(PagesFixture pages)
{
    private const string Unit = OverdueDossier.Unit;
    private static readonly TimeSpan ProvinceOffset = TimeSpan.FromHours(7);

    private static string Day(JsonElement day) =>
        DateOnly.ParseExact(day.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task In_a_US_browser_in_New_York_the_period_and_every_instant_are_dd_mm_yyyy_in_the_provinces_zone()
    {
        var overdue = await pages.OverdueDossierAsync();
        var code = overdue.GetProperty("code").GetString()!;
        var page = await (await pages.NewForeignPageAsync()).SignInAsync(Unit, Roles.Leader);
        var leader = await pages.Host.ClientAsync("lanh-dao", [Roles.Leader], Unit);
        var period = (await leader.GetOkAsync("/api/v1/statistics")).GetProperty("period");

        await Expect(page.Locator("#from")).ToHaveValueAsync(Day(period.GetProperty("from")));
        await Expect(page.Locator("#to")).ToHaveValueAsync(Day(period.GetProperty("to")));
        await Expect(page.Locator("#trend figcaption")).ToContainTextAsync(Day(period.GetProperty("from")));

        // The update time is the report's, in the province: its text is the wall time of its datetime there.
        var updated = page.Locator("#last-updated");
        await Expect(updated).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex(@"\+07:00$"));
        // Both read at once: a live update between two reads would move them apart.
        var shown = await updated.EvaluateAsync<string[]>("e => [e.dateTime, e.textContent]");
        var instant = DateTimeOffset.Parse(shown[0], CultureInfo.InvariantCulture);
        Assert.Equal(instant.ToOffset(ProvinceOffset).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture), shown[1]);

        var due = overdue.GetProperty("dueAt").GetDateTimeOffset().ToOffset(ProvinceOffset);
        await Expect(page.Locator($"#overdue-rows tr[data-code='{code}'] td").Nth(1))
            .ToHaveTextAsync(due.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_period_inputs_take_dd_mm_yyyy_and_refuse_anything_else()
    {
        await pages.OverdueDossierAsync();
        var page = await (await pages.NewForeignPageAsync()).SignInAsync(Unit, Roles.Leader);
        await Expect(page.Locator("#from")).Not.ToHaveValueAsync(string.Empty);
        await Expect(page.Locator("#from")).ToHaveAttributeAsync("type", "text");
        await Expect(page.Locator("#period-hint")).ToContainTextAsync("dd/mm/yyyy");

        async Task SubmitAsync(string from, string to)
        {
            await page.Locator("#from").FillAsync(from);
            await page.Locator("#to").FillAsync(to);
            await page.Locator("#period button[type=submit]").ClickAsync();
        }

        // No such day, the ISO form, the US order: each is refused on the spot, naming the field.
        foreach (var bad in new[] { "31/02/2026", "2026-02-01", "02/13/2026", "1/2/2026" })
        {
            await SubmitAsync(bad, "28/02/2026");
            await Expect(page.Locator("#announcer")).ToHaveClassAsync("message error");
            await Expect(page.Locator("#from")).ToHaveAttributeAsync("aria-invalid", "true");
        }

        await SubmitAsync("28/02/2026", "01/02/2026");
        await Expect(page.Locator("#announcer")).ToHaveClassAsync("message error");
        await Expect(page.Locator("#to")).ToHaveAttributeAsync("aria-invalid", "true");

        await SubmitAsync("01/02/2026", "28/02/2026");
        await Expect(page.Locator("#announcer")).ToHaveClassAsync("message");
        await Expect(page.Locator("#from")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#trend figcaption")).ToContainTextAsync("01/02/2026");
        await Expect(page.Locator("#trend figcaption")).ToContainTextAsync("28/02/2026");
        await Expect(page.Locator("#to")).ToHaveValueAsync("28/02/2026");
        await page.AssertAccessibleAsync();
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_admin_view_starts_with_the_provinces_total()
    {
        await pages.OverdueDossierAsync();
        var page = await (await pages.NewPageAsync()).SignInAsync(string.Empty, Roles.Admin);
        var admin = await pages.Host.ClientAsync("quan-tri", [Roles.Admin]);
        var report = await admin.GetOkAsync("/api/v1/statistics");
        var total = report.GetProperty("total");
        int Get(JsonElement e, string group, string name) => e.GetProperty(group).GetProperty(name).GetInt32();

        var first = page.Locator("#units > article").First;
        await Expect(first).ToHaveAttributeAsync("data-scope", "province");
        await Expect(first.Locator("h3")).ToHaveTextAsync("Toàn tỉnh");
        await Expect(page.Locator("#units > article")).ToHaveCountAsync(report.GetProperty("units").GetArrayLength() + 1);
        var received = Get(total, "received", "online") + Get(total, "received", "direct") + Get(total, "received", "carriedOver");
        var dueSoon = report.GetProperty("units").EnumerateArray().Sum(u => u.GetProperty("dueSoon").GetInt32());
        foreach (var (name, value) in new Dictionary<string, int>
        {
            ["received-total"] = received,
            ["within-deadline"] = Get(total, "inProgress", "withinDeadline"),
            ["overdue"] = Get(total, "inProgress", "overdue"),
            ["due-soon"] = dueSoon,
        })
        {
            await Expect(first.Locator($"[data-figure='{name}']")).ToHaveTextAsync(value.ToString(CultureInfo.InvariantCulture));
        }

        Assert.True(received > 0, "the province received nothing: the total would not tell a sum from a blank");
        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(first.Locator("h3")).ToHaveTextAsync("Province total");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("dashboard-admin");
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_leaders_view_of_one_unit_has_no_province_total()
    {
        await pages.OverdueDossierAsync();
        var page = await (await pages.NewPageAsync()).SignInAsync(Unit, Roles.Leader);
        await Expect(page.Locator($"#units [data-unit='{Unit}']")).ToBeVisibleAsync();
        await Expect(page.Locator("#units [data-scope='province']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
