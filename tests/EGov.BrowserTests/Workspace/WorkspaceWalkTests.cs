using EGov.BrowserTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests.Workspace;

/// <summary>
/// Issue 18's acceptance walk, entirely through /lam-viec: a desk officer receives a criminal-record dossier through
/// the form (with a scanned upload) and prints the receipt, the leader assigns the verification to a specialist, the
/// specialist completes the step, the leader approves, and the desk issues the result and delivers it.
/// </summary>
public sealed class WorkspaceWalkTests(PagesFixture pages)
{
    private const string Unit = "STP";
    private const string Procedure = "TP-LLTP-01";

    private static ILocator Action(IPage page, string action) => page.Locator($"#d-actions button[data-action='{action}']");

    private static async Task TakeAsync(IPage page, string action, string status)
    {
        await Action(page, action).ClickAsync();
        await Expect(page.Locator("#d-status")).ToHaveAttributeAsync("data-status", status);
        await Expect(page.Locator("#announcer")).ToContainTextAsync("Đã thực hiện");
    }

    [Fact]
    public async Task A_dossier_goes_from_the_desk_form_to_delivery_through_the_workspace()
    {
        var idNumber = Api.NewCitizenId();
        // The specialist signs in first: the officer directory lists officers who have called the API.
        var specialist = await pages.WorkspaceAsync(Unit, Roles.Specialist, "cv-walk", "Trần Văn Hùng");
        var leader = await pages.WorkspaceAsync(Unit, Roles.Leader, "ld-walk", "Lê Thị Hoa");
        var desk = await pages.WorkspaceAsync(Unit, Roles.DeskOfficer, "mc-walk", "Nguyễn Thị Mai");

        // The desk: n opens the intake; the procedure's form comes from its schema.
        await desk.Keyboard.PressAsync("n");
        await Expect(desk.Locator("#i-procedure")).ToBeFocusedAsync();
        await desk.Locator("#i-procedure").SelectOptionAsync(Procedure);
        await Expect(desk.Locator("#i-field-certificateType")).ToBeVisibleAsync();
        await Expect(desk.Locator("label[for='i-field-certificateType']")).ToContainTextAsync("Loại Phiếu yêu cầu cấp");

        // A wrong entry is named before anything is sent.
        await desk.Locator("#i-applicant-idNumber").FillAsync("12345");
        await desk.Locator("#i-field-copies").FillAsync("99");
        await desk.Locator("#i-submit").ClickAsync();
        await Expect(desk.Locator("#i-applicant-idNumber")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(desk.Locator("#i-field-copies-error")).ToContainTextAsync("Không lớn hơn 10");
        await Expect(desk.Locator("#i-errors")).ToContainTextAsync("Vui lòng sửa");

        await desk.Locator("#i-applicant-idNumber").FillAsync(idNumber);
        await desk.Locator("#i-applicant-fullName").FillAsync("Phạm Văn Đức");
        await desk.Locator("#i-applicant-phone").FillAsync("0912345678");
        await desk.Locator("#i-applicant-address").FillAsync("12 Lê Lợi, Tân Định");
        await desk.Locator("#i-field-certificateType").SelectOptionAsync("1");
        await desk.Locator("#i-field-copies").FillAsync("2");
        await desk.Locator("#i-field-purpose").FillAsync("Bổ sung hồ sơ xin việc");
        await desk.Locator("#i-documents input[type=file][data-type='criminal-record-request']").SetInputFilesAsync(WorkspaceChecks.ScannedPdf("to-khai.pdf"));
        await desk.Locator("#i-documents input[type=file][data-type='identity-card']").SetInputFilesAsync(WorkspaceChecks.ScannedPdf("can-cuoc.pdf"));
        await desk.Locator("#i-submit").ClickAsync();

        await Expect(desk.Locator("#r-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"-\d{6}-\d{4,}$"));
        var code = await desk.Locator("#r-code").TextContentAsync();
        var id = (await desk.Locator("#r-open").GetAttributeAsync("href"))!.Split('/')[^1];

        // The receipt (form 01) opens in a new tab of the same session, ready to print, under the same strict CSP.
        var popupConsole = new List<string>();
        desk.Context.Console += (_, message) => popupConsole.Add(message.Text);
        var receipt = await desk.Context.RunAndWaitForPageAsync(() => desk.Locator("#r-print-receipt").ClickAsync());
        await Expect(receipt.Locator("#print-form[data-loaded='1']")).ToHaveCountAsync(1);
        await Expect(receipt.Locator("#print-form")).ToContainTextAsync(code!);
        await Expect(receipt.Locator("#print-button")).ToBeVisibleAsync();
        Assert.DoesNotContain(popupConsole, l => l.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));

        var api = await pages.Host.ClientAsync("ld-walk-api", [Roles.Leader], Unit);
        var dossier = await api.GetOkAsync($"/api/v1/dossiers/{id}");
        Assert.Equal("Received", dossier.GetProperty("status").GetString());
        Assert.Equal(2, dossier.GetProperty("documentIds").GetArrayLength());
        Assert.Equal("2", dossier.GetProperty("details").GetProperty("copies").GetString());

        // The leader: the new dossier waits in "unit, unassigned"; assign it to the specialist.
        await leader.GotoAsync("/lam-viec#/hang-viec/unit-unassigned");
        await Expect(leader.Locator($"#queue-table tr[data-code='{code}']")).ToBeVisibleAsync();
        await leader.Locator($"#queue-table tr[data-code='{code}'] a").ClickAsync();
        await Expect(leader.Locator("#d-code")).ToHaveTextAsync(code!);
        await Expect(leader.Locator("#d-assignee")).ToContainTextAsync("Chưa phân công");
        await Action(leader, "assign").ClickAsync();
        await Expect(leader.Locator("#assign-dialog")).ToBeVisibleAsync();
        await leader.Locator("#assign-officers input[value='cv-walk']").CheckAsync();
        await leader.Locator("#assign-confirm").ClickAsync();
        await Expect(leader.Locator("#d-assignee")).ToContainTextAsync("Trần Văn Hùng");
        await Expect(leader.Locator("#d-timeline li[data-type='StepAssigned']")).ToContainTextAsync("ld-walk");

        // The specialist: it is in "mine" (list 1); j selects it, Enter opens it.
        await specialist.GotoAsync("/lam-viec#/hang-viec/mine");
        await specialist.ReloadAsync();
        await Expect(specialist.Locator($"#queue-table tr[data-code='{code}']")).ToBeVisibleAsync();
        await specialist.Locator("body").ClickAsync(new LocatorClickOptions { Position = new Position { X = 5, Y = 5 } });
        var rows = await specialist.Locator("#queue-table tbody tr").CountAsync();
        for (var i = 0; i < rows; i++)
        {
            await specialist.Keyboard.PressAsync("j");
            if (await specialist.Locator($"#queue-table tr[data-code='{code}'].selected").CountAsync() == 1)
            {
                break;
            }
        }

        await specialist.Keyboard.PressAsync("Enter");
        await Expect(specialist.Locator("#d-code")).ToHaveTextAsync(code!);
        await TakeAsync(specialist, "complete-step", "Processing");
        await Expect(specialist.Locator("#d-step")).ToContainTextAsync("Lãnh đạo Sở ký");

        // The leader approves on the signing step; the certificate has a fee, so the dossier waits for it.
        await leader.ReloadAsync();
        await TakeAsync(leader, "approve", "AwaitingFee");

        // The desk issues the result (a scanned certificate) and delivers it.
        await desk.GotoAsync($"/lam-viec#/ho-so/{id}");
        await Expect(Action(desk, "issue-result")).ToBeVisibleAsync();
        await desk.Locator("#d-files").SetInputFilesAsync(WorkspaceChecks.ScannedPdf("phieu-lltp.pdf"));
        await TakeAsync(desk, "issue-result", "ResultReady");
        await TakeAsync(desk, "deliver", "Delivered");
        await Expect(desk.Locator("#d-timeline li[data-type='ResultDelivered']")).ToContainTextAsync("mc-walk");

        var final = await api.GetOkAsync($"/api/v1/dossiers/{id}");
        Assert.Equal("Delivered", final.GetProperty("status").GetString());
        Assert.Equal(1, final.GetProperty("resultDocumentIds").GetArrayLength());
        var history = (await api.GetOkAsync($"/api/v1/dossiers/{id}/history")).EnumerateArray().ToArray();
        var assigned = history.Single(e => e.GetProperty("type").GetString() == "StepAssigned");
        Assert.Equal("ld-walk", assigned.GetProperty("actor").GetString());
        Assert.Equal("cv-walk", assigned.GetProperty("data").GetProperty("assignee").GetString());
        Assert.Equal(["DossierSubmitted", "DossierReceived", "StepAssigned", "StepCompleted", "DossierApproved", "ResultIssued", "ResultDelivered"],
            history.Select(e => e.GetProperty("type").GetString()).Where(t => !t!.StartsWith("Deadline", StringComparison.Ordinal)).ToArray());

        foreach (var page in new[] { desk, leader, specialist })
        {
            page.AssertNoScriptErrors();
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_action_on_a_version_someone_else_moved_says_so_and_shows_the_new_state()
    {
        var (id, page) = await SpecialistOnNewDossierAsync("stale");
        await Expect(Action(page, "complete-step")).ToBeVisibleAsync();

        // Meanwhile a colleague completes the step from another screen.
        var colleague = await pages.Host.ClientAsync("cv-stale-2", [Roles.Specialist], Unit);
        await colleague.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });

        await Action(page, "complete-step").ClickAsync();
        await Expect(page.Locator("#announcer")).ToContainTextAsync("Hồ sơ đã được người khác thay đổi; đã tải lại");
        await Expect(page.Locator("#d-step")).ToContainTextAsync("Lãnh đạo Sở ký");
        await Expect(Action(page, "complete-step")).ToHaveCountAsync(0);
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_reason_is_asked_for_before_an_action_that_needs_one_is_sent()
    {
        var (id, page) = await SpecialistOnNewDossierAsync("reason");

        await Expect(Action(page, "request-supplement")).ToContainTextAsync("*");
        await Action(page, "request-supplement").ClickAsync();
        await Expect(page.Locator("#announcer")).ToContainTextAsync("Cần nêu lý do");
        await Expect(page.Locator("#d-reason")).ToBeFocusedAsync();
        await page.Locator("#d-reason").FillAsync("Thiếu bản sao căn cước");
        await TakeAsync(page, "request-supplement", "SupplementRequested");
        await Expect(page.Locator("#d-timeline li[data-type='SupplementRequested']")).ToContainTextAsync("Thiếu bản sao căn cước");
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    /// <summary>A dossier taken in at the desk through the API, open on its page in a specialist's workspace.</summary>
    private async Task<(string Id, IPage Page)> SpecialistOnNewDossierAsync(string name)
    {
        var desk = await pages.Host.ClientAsync($"mc-{name}", [Roles.DeskOfficer], Unit);
        var dossier = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake(Procedure, details: CriminalRecordDetails));
        var id = dossier.GetProperty("id").GetString()!;
        var page = await pages.WorkspaceAsync(Unit, Roles.Specialist, $"cv-{name}");
        await page.GotoAsync($"/lam-viec#/ho-so/{id}");
        return (id, page);
    }

    /// <summary>The criminal-record form's fields (FORMS: certificateType, copies, purpose).</summary>
    internal static readonly Dictionary<string, string> CriminalRecordDetails = new()
    {
        ["certificateType"] = "1",
        ["copies"] = "1",
        ["purpose"] = "Bổ sung hồ sơ xin việc",
    };
}
