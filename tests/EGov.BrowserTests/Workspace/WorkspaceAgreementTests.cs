using System.Globalization;
using EGov.BrowserTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests.Workspace;

/// <summary>
/// One overdue dossier seen four ways: the workspace's dossier page and its overdue list, the public lookup
/// (/tra-cuu), the dashboard's overdue list, and GET /api/v1/dossiers/{id} show the same status, due instant and step.
/// </summary>
public sealed class WorkspaceAgreementTests(PagesFixture pages)
{
    [Fact]
    public async Task The_workspace_the_lookup_the_dashboard_and_the_api_agree_on_a_dossier()
    {
        var overdue = await pages.OverdueDossierAsync();
        var id = overdue.GetProperty("id").GetString()!;
        var code = overdue.GetProperty("code").GetString()!;
        var api = await (await pages.Host.ClientAsync("ld-agree", [Roles.Leader], OverdueDossier.Unit)).GetOkAsync($"/api/v1/dossiers/{id}");
        var status = api.GetProperty("status").GetString()!;
        var statusVi = status switch { "Received" => "Đã tiếp nhận", "Processing" => "Đang giải quyết", _ => status };
        var due = api.GetProperty("dueAt").GetDateTimeOffset().ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var step = api.GetProperty("currentStep").GetProperty("name").GetString()!;
        Assert.True(api.GetProperty("overdue").GetBoolean());

        var workspace = await pages.WorkspaceAsync(OverdueDossier.Unit, Roles.Leader, "ld-agree");
        await workspace.GotoAsync($"/lam-viec#/ho-so/{id}");
        await Expect(workspace.Locator("#d-status")).ToHaveTextAsync(statusVi);
        await Expect(workspace.Locator("#d-due time")).ToHaveTextAsync(due);
        await Expect(workspace.Locator("#d-due [data-flag='overdue']")).ToHaveTextAsync("Quá hạn");
        await Expect(workspace.Locator("#d-step")).ToContainTextAsync(step);

        await workspace.GotoAsync("/lam-viec#/hang-viec/overdue");
        var row = workspace.Locator($"#queue-table tr[data-code='{code}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator("[data-cell='due'] time").First).ToHaveTextAsync(due);
        await Expect(row.Locator("[data-cell='due'] [data-flag='overdue']")).ToHaveTextAsync("Quá hạn");
        await Expect(row).ToContainTextAsync(step);
        await Expect(row).ToContainTextAsync(statusVi);
        await workspace.Context.CloseAsync();

        var lookup = await pages.NewPageAsync();
        await lookup.GotoAsync($"/tra-cuu?code={code}");
        await Expect(lookup.Locator("#r-status")).ToContainTextAsync($"{statusVi} ({status})");
        await Expect(lookup.Locator("#r-due time")).ToHaveTextAsync(due);
        await Expect(lookup.Locator("#r-overdue")).ToBeVisibleAsync();
        await lookup.Context.CloseAsync();

        var dashboard = await (await pages.NewPageAsync()).SignInAsync(OverdueDossier.Unit, Roles.Leader);
        var cells = dashboard.Locator($"#overdue-rows tr[data-code='{code}'] > *");
        await Expect(cells.Nth(2)).ToHaveTextAsync(due);
        await Expect(cells.Nth(4)).ToHaveTextAsync(step);
        await dashboard.Context.CloseAsync();
    }
}
