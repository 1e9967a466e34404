using System.Globalization;
using System.Text.Json;
using EGov.BrowserTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests;

/// <summary>
/// The dashboard's watch lists beside each other (issue 19): overdue with its escalation level, due soon, and at risk
/// ranked by the probability of ending late, with the probability in figures, the main reason in the page's language,
/// the appointment and who holds the dossier.
/// </summary>
public sealed class DashboardRiskTests(PagesFixture pages)
{
    private const string Unit = AtRiskDossiers.Unit;

    private async Task<JsonElement[]> WatchListAsync(string kind)
    {
        var leader = await pages.Host.ClientAsync("lanh-dao", [Roles.Leader], Unit);
        return (await leader.GetOkAsync($"/api/v1/statistics/watch-list?unit={Unit}&kind={kind}")).EnumerateArray().ToArray();
    }

    [Fact]
    public async Task The_at_risk_list_is_ranked_by_probability_with_the_reason_and_overdue_entries_show_their_escalation_level()
    {
        var overdue = await pages.OverdueDossierAsync();
        var atRisk = (await pages.AtRiskDossiersAsync())[0];
        var code = atRisk.GetProperty("code").GetString()!;
        var entries = await WatchListAsync("at-risk");
        var entry = entries.Single(e => e.GetProperty("code").GetString() == code);
        var probabilities = entries.Select(e => e.GetProperty("probability").GetDouble()).ToArray();
        Assert.Equal(probabilities.OrderDescending(), probabilities);

        var page = await (await pages.NewPageAsync()).SignInAsync(Unit, Roles.Leader);
        var row = page.Locator($"#at-risk-rows tr[data-code='{code}']");
        await Expect(row).ToBeVisibleAsync();
        // The rows in the API's order: highest probability first (the sweep may have moved others meanwhile).
        var shown = await page.Locator("#at-risk-rows [data-probability]").EvaluateAllAsync<double[]>("nodes => nodes.map(n => Number(n.dataset.probability))");
        Assert.True(shown.Length >= 1);
        Assert.Equal(shown.OrderDescending(), shown);
        var percent = Math.Round(entry.GetProperty("probability").GetDouble() * 100).ToString(CultureInfo.InvariantCulture);
        await Expect(row.Locator("[data-cell='probability']")).ToHaveTextAsync($"{percent}%");
        await Expect(row.Locator("[data-cell='riskReason']")).ToHaveTextAsync(entry.GetProperty("reason").GetProperty("vi").GetString()!);
        await Expect(row.Locator("[data-cell='appointment']")).ToHaveTextAsync(
            entry.GetProperty("dueAt").GetDateTimeOffset().ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        await Expect(row.Locator("[data-cell='holdingUnit']")).ToHaveTextAsync("Sở Tư pháp (STP)");
        await Expect(row.Locator("[data-cell='step']")).ToHaveTextAsync(entry.GetProperty("holdingStep").GetString()!);

        var overdueCode = overdue.GetProperty("code").GetString()!;
        var level = (await WatchListAsync("overdue")).Single(e => e.GetProperty("code").GetString() == overdueCode).GetProperty("escalationLevel").GetInt32();
        Assert.True(level >= 1, "an overdue dossier has gone to the unit's leader (level 1) at least");
        var escalation = page.Locator($"#overdue-rows tr[data-code='{overdueCode}'] [data-cell='escalation']");
        await Expect(escalation).ToHaveTextAsync($"Cấp {level}");
        await Expect(page.Locator("#due-soon-title")).ToHaveTextAsync("Hồ sơ sắp đến hạn");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("dashboard-at-risk-vi");

        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("#at-risk-title")).ToHaveTextAsync("Dossiers at risk of being late");
        await Expect(row.Locator("[data-cell='riskReason']")).ToHaveTextAsync(entry.GetProperty("reason").GetProperty("en").GetString()!);
        await Expect(escalation).ToHaveTextAsync($"Level {level}");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("dashboard-at-risk-en");
        await page.AssertNoHorizontalScrollAsync();
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }
}
