using System.Globalization;
using System.Text.Json;
using EGov.BrowserTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests.Workspace;

/// <summary>
/// The apology drafted by the dossier's own due-soon warning (basis <c>due-soon</c>), issued from the dossier page with
/// one click. A host and a clock of its own: the jump to a day before the appointment must not age the shared dossiers.
/// </summary>
public sealed class WorkspaceDueSoonApologyTests(PagesFixture pages)
{
    [Fact]
    public async Task A_due_soon_dossier_has_its_apology_drafted_and_one_click_issues_it_with_the_proposed_appointment()
    {
        var travel = new TimeTravel(PagesFixture.Start);
        await using var host = await TestHost.StartAsync(pages.Postgres, new Dictionary<string, string?> { ["Deadlines:PollMilliseconds"] = "200", ["Foresight:Enabled"] = "false" }, travel.Clock);
        var desk = await host.ClientAsync("desk-apology", [Roles.DeskOfficer], "STP");
        var taken = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = taken.GetProperty("id").GetString()!;
        await travel.ToAsync(host.ConnectionString, taken.GetProperty("dueAt").GetDateTimeOffset().AddDays(-1).AddHours(2));

        var leader = await host.ClientAsync("ld-apology", [Roles.Leader], "STP");
        JsonElement dossier = default;
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(250, TestContext.Current.CancellationToken))
        {
            dossier = await leader.GetOkAsync($"/api/v1/dossiers/{id}");
            if (dossier.GetProperty("apologyDraft").ValueKind == JsonValueKind.Object)
            {
                break;
            }
        }

        var draft = dossier.GetProperty("apologyDraft");
        Assert.Equal(JsonValueKind.Object, draft.ValueKind);
        var proposed = draft.GetProperty("proposedDueAt").GetDateTimeOffset().ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

        var page = await Chromium.NewPageAsync(pages.Browser, host.Http.BaseAddress!, 1366, 768);
        await page.SignInWorkspaceAsync("STP", Roles.Leader, "ld-apology", "Lê Thị Hoa");
        await page.GotoAsync($"/lam-viec#/ho-so/{id}");
        await Expect(page.Locator("#d-apology-basis")).ToHaveAttributeAsync("data-basis", "due-soon");
        await Expect(page.Locator("#d-apology-basis")).ToHaveTextAsync("hồ sơ sắp đến hạn");
        await Expect(page.Locator("#d-apology-due time")).ToHaveTextAsync(proposed);
        await page.AssertAccessibleAsync();

        await page.Locator("#d-issue-apology").ClickAsync();
        await Expect(page.Locator("#announcer")).ToHaveTextAsync("Đã thực hiện: Phát hành phiếu xin lỗi.");
        await Expect(page.Locator("#d-due time")).ToHaveTextAsync(proposed);
        await Expect(page.Locator("#d-apology")).ToHaveCountAsync(0);
        await Expect(page.Locator("#d-apologies")).ToHaveTextAsync("1");
        var extended = (await leader.GetOkAsync($"/api/v1/dossiers/{id}/history")).EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "DeadlineExtended");
        Assert.True(extended.GetProperty("data").GetProperty("fromDraft").GetBoolean());
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }
}
