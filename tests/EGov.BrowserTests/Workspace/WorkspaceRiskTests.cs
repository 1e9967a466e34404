using System.Globalization;
using System.Text.Json;
using EGov.BrowserTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests.Workspace;

/// <summary>
/// Issue 19 in /lam-viec: a dossier whose first step has overrun is in the sixth queue, "Có nguy cơ trễ", with its
/// probability and reason; its page shows the forecast and the drafted apology (form 04); the leader issues it with
/// one click, or changes the date with a reason, and the new appointment is on the page, in /tra-cuu and in the history.
/// </summary>
public sealed class WorkspaceRiskTests(PagesFixture pages)
{
    private const string Unit = AtRiskDossiers.Unit;

    private static string Wall(DateTimeOffset instant) => instant.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string Wall(JsonElement instant) => Wall(instant.GetDateTimeOffset());

    private async Task<HttpClient> LeaderApiAsync() => await pages.Host.ClientAsync("ld-risk-api", [Roles.Leader], Unit);

    [Fact]
    public async Task The_at_risk_queue_shows_the_dossier_with_its_reason_and_one_click_issues_the_apology()
    {
        var dossier = (await pages.AtRiskDossiersAsync())[1];
        var id = dossier.GetProperty("id").GetString()!;
        var code = dossier.GetProperty("code").GetString()!;
        var api = await LeaderApiAsync();
        var draft = dossier.GetProperty("apologyDraft");
        var proposed = draft.GetProperty("proposedDueAt").GetDateTimeOffset();
        Assert.True(proposed > dossier.GetProperty("dueAt").GetDateTimeOffset());
        var item = (await api.GetOkAsync("/api/v1/work?list=at-risk&pageSize=100")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetString() == id);
        var reasonVi = item.GetProperty("riskReason").GetProperty("vi").GetString()!;
        var counts = await api.GetOkAsync("/api/v1/work/counts");
        Assert.True(counts.GetProperty("atRisk").GetInt32() >= 1);

        var page = await pages.WorkspaceAsync(Unit, Roles.Leader, "ld-risk", "Lê Thị Hoa");
        // 6 is the sixth list, as the foot of the page says.
        await Expect(page.Locator(".shortcuts")).ToContainTextAsync("1–6");
        await page.Keyboard.PressAsync("6");
        await Expect(page.Locator("#list-tabs a[data-list='at-risk']")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator("#list-tabs a[data-list='at-risk']")).ToHaveAttributeAsync("aria-keyshortcuts", "6");
        await Expect(page.Locator("#list-tabs [data-count='at-risk']")).Not.ToHaveTextAsync("…");
        var row = page.Locator($"#queue-table tr[data-code='{code}']");
        await Expect(row).ToBeVisibleAsync();
        var percent = Math.Round(item.GetProperty("probability").GetDouble() * 100).ToString(CultureInfo.InvariantCulture);
        await Expect(row.Locator("[data-cell='risk'] [data-probability]")).ToHaveTextAsync($"{percent}%");
        await Expect(row.Locator("[data-cell='risk-reason']")).ToHaveTextAsync(reasonVi);
        await page.AssertAccessibleAtEveryWidthAsync();
        await page.SaveScreenshotAsync("workspace-at-risk-vi");

        // The dossier: the forecast (a cold start: from the declared allowances) and the draft apology.
        await row.Locator("a.row-link").ClickAsync();
        await Expect(page.Locator("#d-code")).ToHaveTextAsync(code);
        var risk = await api.GetOkAsync($"/api/v1/dossiers/{id}/risk");
        await Expect(page.Locator("#d-risk-probability")).ToContainTextAsync($"{Math.Round(risk.GetProperty("probability").GetDouble() * 100).ToString(CultureInfo.InvariantCulture)}%");
        await Expect(page.Locator("#d-risk-probability [data-flag='at-risk']")).ToHaveTextAsync("Có nguy cơ trễ hạn");
        await Expect(page.Locator("#d-risk-basis")).ToHaveAttributeAsync("data-basis", risk.GetProperty("fromHistory").GetBoolean() ? "history" : "allowances");
        await Expect(page.Locator("#d-risk-basis")).ToHaveTextAsync("Từ thời hạn quy định của các bước (chưa đủ lịch sử)");
        await Expect(page.Locator("#d-risk-finish time")).ToHaveTextAsync(Wall(risk.GetProperty("predictedFinishAt")));
        await Expect(page.Locator("#d-risk-reasons li")).ToHaveCountAsync(risk.GetProperty("reasons").GetArrayLength());
        await Expect(page.Locator("#d-risk-reasons li").First).ToHaveTextAsync(risk.GetProperty("reasons")[0].GetProperty("vi").GetString()!);
        await Expect(page.Locator("#d-due [data-flag='at-risk']")).ToBeVisibleAsync();
        await Expect(page.Locator("#d-apology-due time")).ToHaveTextAsync(Wall(proposed));
        await Expect(page.Locator("#d-apology-basis")).ToHaveAttributeAsync("data-basis", draft.GetProperty("basis").GetString()!);
        await page.AssertAccessibleAtEveryWidthAsync();
        await page.SaveScreenshotAsync("workspace-risk-vi");

        // The draft form 04 opens in a new tab like the other forms, under the same CSP.
        var draftTab = await page.Context.RunAndWaitForPageAsync(() => page.Locator("#d-apology-draft").ClickAsync());
        await Expect(draftTab.Locator("#print-form[data-loaded='1']")).ToHaveCountAsync(1);
        await Expect(draftTab.Locator("#print-form")).ToContainTextAsync(code);
        draftTab.AssertNoScriptErrors();
        await draftTab.CloseAsync();

        await page.Locator("#lang-toggle").ClickAsync();
        await Expect(page.Locator("#d-risk-title")).ToHaveTextAsync("Lateness forecast");
        await Expect(page.Locator("#d-risk-basis")).ToHaveTextAsync("From declared allowances: the steps' time limits (not enough history yet)");
        await Expect(page.Locator("#d-risk-reasons li").First).ToHaveTextAsync(risk.GetProperty("reasons")[0].GetProperty("en").GetString()!);
        await Expect(page.Locator("#d-issue-apology")).ToHaveTextAsync("Issue the apology");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotAsync("workspace-risk-en");
        await page.Locator("#lang-toggle").ClickAsync();

        // One click: the apology is issued with the draft's days, and the new appointment is the proposed one.
        await page.Locator("#d-issue-apology").ClickAsync();
        await Expect(page.Locator("#announcer")).ToHaveTextAsync("Đã thực hiện: Phát hành phiếu xin lỗi.");
        await Expect(page.Locator("#d-due time")).ToHaveTextAsync(Wall(proposed));
        await Expect(page.Locator("#d-apology")).ToHaveCountAsync(0);
        await Expect(page.Locator("#d-apologies")).ToHaveTextAsync("1");
        await Expect(page.Locator("#d-timeline li[data-type='DeadlineExtended']")).ToContainTextAsync("ld-risk");

        var after = await api.GetOkAsync($"/api/v1/dossiers/{id}");
        Assert.Equal(proposed, after.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(1, after.GetProperty("apologies").GetInt32());
        var extended = (await api.GetOkAsync($"/api/v1/dossiers/{id}/history")).EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "DeadlineExtended");
        Assert.Equal("ld-risk", extended.GetProperty("actor").GetString());
        Assert.True(extended.GetProperty("data").GetProperty("fromDraft").GetBoolean());
        Assert.Equal(draft.GetProperty("workingDays").GetInt32(), extended.GetProperty("data").GetProperty("workingDays").GetInt32());

        // The citizen sees the new appointment in the public lookup.
        var lookup = await pages.NewPageAsync();
        await lookup.GotoAsync($"/tra-cuu?code={code}");
        await Expect(lookup.Locator("#r-due time")).ToHaveTextAsync(Wall(proposed));
        await lookup.Context.CloseAsync();

        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Changing_the_date_needs_a_reason_and_issues_the_apology_with_the_chosen_days()
    {
        var dossier = (await pages.AtRiskDossiersAsync())[2];
        var id = dossier.GetProperty("id").GetString()!;
        var days = dossier.GetProperty("apologyDraft").GetProperty("workingDays").GetInt32() + 2;
        var page = await pages.WorkspaceAsync(Unit, Roles.Leader, "ld-risk-2");
        await page.GotoAsync($"/lam-viec#/ho-so/{id}");
        await Expect(page.Locator("#d-apology")).ToBeVisibleAsync();

        await page.Locator("#d-apology-change-box summary").ClickAsync();
        await page.Locator("#d-apology-days").FillAsync(days.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#d-apology-change").ClickAsync();
        await Expect(page.Locator("#announcer")).ToHaveTextAsync("Cần nêu lý do cho thao tác này.");
        await Expect(page.Locator("#d-apology-reason")).ToBeFocusedAsync();
        await Expect(page.Locator("#d-apology-reason")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.AssertAccessibleAsync();

        await page.Locator("#d-apology-reason").FillAsync("Chờ kết quả xác minh của Công an tỉnh");
        await page.Locator("#d-apology-change").ClickAsync();
        await Expect(page.Locator("#announcer")).ToHaveTextAsync("Đã thực hiện: Phát hành phiếu xin lỗi.");
        await Expect(page.Locator("#d-timeline li[data-type='DeadlineExtended']")).ToContainTextAsync("Chờ kết quả xác minh của Công an tỉnh");

        var api = await LeaderApiAsync();
        var after = await api.GetOkAsync($"/api/v1/dossiers/{id}");
        await Expect(page.Locator("#d-due time")).ToHaveTextAsync(Wall(after.GetProperty("dueAt")));
        Assert.True(after.GetProperty("dueAt").GetDateTimeOffset() > dossier.GetProperty("apologyDraft").GetProperty("proposedDueAt").GetDateTimeOffset());
        var extended = (await api.GetOkAsync($"/api/v1/dossiers/{id}/history")).EnumerateArray()
            .Single(e => e.GetProperty("type").GetString() == "DeadlineExtended");
        Assert.Equal(days, extended.GetProperty("data").GetProperty("workingDays").GetInt32());
        Assert.Equal("Chờ kết quả xác minh của Công an tỉnh", extended.GetProperty("reason").GetString());
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }
}
