using System.Globalization;
using System.Text.Json;
using EGov.BrowserTests.Infrastructure;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EGov.BrowserTests;

/// <summary>
/// A citizen's whole dossier through the portal <c>/dich-vu-cong</c> in Chromium: submitted online with an upload and a
/// paper reused from the vault, a supplement asked by the office (through the API) and answered from the portal, the
/// dossier processed to delivery (API), then rated with the official survey and its result downloaded.
/// </summary>
public sealed class PortalJourneyTests(PagesFixture pages)
{
    private const string Procedure = "TP-LLTP-01";
    private const string Unit = "STP";
    private const string Reason = "Thiếu giấy xác nhận thông tin về cư trú / The residence confirmation is missing";

    private static string Shown(JsonElement instant) =>
        instant.GetDateTimeOffset().ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static FilePayload Pdf(string name, byte[] bytes) => new() { Name = name, MimeType = "application/pdf", Buffer = bytes };

    [Fact]
    public async Task A_citizen_submits_online_answers_a_supplement_rates_the_service_and_downloads_the_result()
    {
        var citizenId = Api.NewCitizenId();
        var citizen = await pages.Host.ClientAsync($"c-{citizenId}", [Roles.Citizen], citizenId: citizenId);
        var desk = await pages.Host.ClientAsync("desk-portal", [Roles.DeskOfficer], Unit);
        var specialist = await pages.Host.ClientAsync("spec-portal", [Roles.Specialist], Unit);
        var leader = await pages.Host.ClientAsync("lead-portal", [Roles.Leader], Unit);
        var anonymous = pages.Host.CreateClient();
        // The identity card is already in the vault (from an earlier dossier): the portal offers it for reuse.
        var card = (await citizen.UploadOkAsync(Files.Pdf(), "identity-card", citizenId)).GetProperty("id").GetGuid();

        var page = await pages.NewPageAsync();
        await page.SignInAsCitizenAsync(citizenId, "Nguyễn Văn An");
        await Expect(page.Locator("#no-dossiers")).ToBeVisibleAsync();

        // Browse: the search ignores diacritics; the procedure's page shows its time, fee, documents and legal basis.
        await page.OpenAsync("#/");
        await page.Locator("#procedure-search").FillAsync("ly lich tu phap");
        await Expect(page.Locator($".procedure-card[data-code='{Procedure}']")).ToBeVisibleAsync();
        await Expect(page.Locator(".procedure-card:visible")).ToHaveCountAsync(1);
        await page.Locator($".procedure-card[data-code='{Procedure}'] a").ClickAsync();
        await Expect(page.Locator("#p-fee")).ToHaveTextAsync("200.000 đồng");
        await Expect(page.Locator("#p-time")).ToHaveTextAsync("10 ngày làm việc");
        await Expect(page.Locator("#p-legal")).ToContainTextAsync("Luật Lý lịch tư pháp");
        await Expect(page.Locator("#p-documents li")).ToHaveCountAsync(3);
        await page.Locator("#start-submit").ClickAsync();

        // Submit: the vault's card is ticked for reuse; the request form is uploaded now.
        await Expect(page.Locator("#submit-form")).ToBeVisibleAsync();
        await Expect(page.Locator($"#doc-1 input[data-document-id='{card}']")).ToBeCheckedAsync();
        await page.Locator("#send-dossier").ClickAsync();
        await Expect(page.Locator("#doc-0-error")).ToContainTextAsync("Cần chọn hoặc tải lên giấy tờ này");
        var requestForm = Files.Pdf();
        await page.Locator("#doc-0-file").SetInputFilesAsync(Pdf("to-khai.pdf", requestForm));
        await Expect(page.Locator("#doc-0-list input:checked")).ToHaveCountAsync(1);
        await page.Locator("#a-phone").FillAsync("0912345678");

        // The request form's fields come from the procedure's schema, with its checks before anything is sent.
        await page.Locator("#f-certificateType").SelectOptionAsync("1");
        await page.Locator("#f-copies").FillAsync("0");
        await page.Locator("#send-dossier").ClickAsync();
        await Expect(page.Locator("#f-copies-error")).ToContainTextAsync("Không nhỏ hơn 1");
        await Expect(page.Locator("#f-copies")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.Locator("#f-copies").FillAsync("2");
        await page.Locator("#f-purpose").FillAsync("Bổ sung hồ sơ xin việc");
        await page.Locator("#send-dossier").ClickAsync();

        await Expect(page.Locator("#d-code")).ToBeVisibleAsync();
        await Expect(page.Locator("#announcer")).ToContainTextAsync("Đã nộp hồ sơ");
        var id = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        var dossier = await citizen.GetOkAsync($"/api/v1/dossiers/{id}");
        var code = dossier.GetProperty("code").GetString()!;
        await Expect(page.Locator("#d-code")).ToHaveTextAsync(code);
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("Đã gửi, đang chờ cơ quan tiếp nhận");
        Assert.Equal("Online", dossier.GetProperty("channel").GetString());
        var details = dossier.GetProperty("details");
        Assert.Equal(("1", "2", "Bổ sung hồ sơ xin việc"),
            (details.GetProperty("certificateType").GetString(), details.GetProperty("copies").GetString(), details.GetProperty("purpose").GetString()));
        var uploaded = (await citizen.GetOkAsync("/api/v1/documents")).EnumerateArray().Single(d => d.GetProperty("type").GetString() == "criminal-record-request");
        Assert.Equal(
            new HashSet<Guid> { card, uploaded.GetProperty("id").GetGuid() },
            dossier.GetProperty("documentIds").EnumerateArray().Select(d => d.GetGuid()).ToHashSet());

        // The office receives it and asks for a supplement; the citizen sees what is asked, on the page and in the list.
        await desk.PostOkAsync($"/api/v1/dossiers/{id}/receive", new { });
        await specialist.PostOkAsync($"/api/v1/dossiers/{id}/request-supplement", new { reason = Reason });
        await page.OpenAsync("#/ho-so");
        await Expect(page.Locator($".dossier-card[data-code='{code}'] .d-next")).ToHaveTextAsync("Bổ sung giấy tờ theo yêu cầu của cơ quan.");
        await page.Locator($".dossier-card[data-code='{code}'] a").ClickAsync();
        await Expect(page.Locator("#supplement-reason")).ToHaveTextAsync(Reason);
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("Cần bổ sung giấy tờ");
        await AssertAgreesAsync(page, citizen, anonymous, id, code);

        // The answer: an upload of the missing paper, from the portal.
        await page.Locator("#supplement-docs-type").SelectOptionAsync("residence-confirmation");
        var residence = Files.Pdf();
        await page.Locator("#supplement-docs-file").SetInputFilesAsync(Pdf("cu-tru.pdf", residence));
        await Expect(page.Locator("#supplement-docs-list input:checked")).ToHaveCountAsync(1);
        await page.Locator("#send-supplement").ClickAsync();
        await Expect(page.Locator("#announcer")).ToContainTextAsync("Đã gửi giấy tờ bổ sung");
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("Đã được tiếp nhận");
        await Expect(page.Locator("#supplement-panel")).ToHaveCountAsync(0);
        await AssertAgreesAsync(page, citizen, anonymous, id, code);
        var history = await citizen.GetOkAsync($"/api/v1/dossiers/{id}/history");
        var supplemented = history.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "DossierSupplemented");
        Assert.Equal($"cong-dan-{citizenId}", supplemented.GetProperty("actor").GetString()); // the page's own token, not the test's client

        // Processed to delivery by the office, with the certificate issued into the citizen's vault.
        await specialist.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        await leader.PostOkAsync($"/api/v1/dossiers/{id}/approve", new { });
        var certificateBytes = Files.Pdf();
        var certificate = (await desk.UploadOkAsync(certificateBytes, "criminal-record-certificate", citizenId)).GetProperty("id").GetGuid();
        await desk.PostOkAsync($"/api/v1/dossiers/{id}/issue-result", new { documentIds = new[] { certificate } });
        await desk.PostOkAsync($"/api/v1/dossiers/{id}/deliver", new { });

        // Rating with the survey: one radio group per criterion, three levels each, and the overall rating.
        await page.OpenAsync($"#/ho-so/{id}");
        await Expect(page.Locator("#d-status")).ToHaveTextAsync("Đã trả kết quả");
        await AssertAgreesAsync(page, citizen, anonymous, id, code);
        var survey = await anonymous.GetOkAsync("/api/v1/satisfaction/survey");
        var criteria = survey.GetProperty("criteria").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();
        await Expect(page.Locator("#rating-form fieldset.levels")).ToHaveCountAsync(criteria.Length + 1);
        await page.Locator("#send-rating").ClickAsync();
        await Expect(page.Locator("#overall-error")).ToContainTextAsync("Chọn một mức");
        var chosen = new Dictionary<string, int>();
        for (var i = 0; i < criteria.Length; i++)
        {
            chosen[criteria[i]] = i % 3 == 0 ? 2 : 3;
            await page.Locator($"label[for='criterion-{i}-{chosen[criteria[i]]}']").ClickAsync();
        }

        await page.Locator("label[for='overall-3']").ClickAsync();
        var counted = await AnswerCountsAsync(leader);
        await page.Locator("#send-rating").ClickAsync();
        await Expect(page.Locator("#rated-panel")).ToBeVisibleAsync();
        await Expect(page.Locator("#rated-overall")).ToContainTextAsync("Rất hài lòng");
        dossier = await citizen.GetOkAsync($"/api/v1/dossiers/{id}");
        Assert.Equal(3, dossier.GetProperty("rating").GetInt32());
        Assert.Equal(chosen, dossier.GetProperty("ratingAnswers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));

        // The result, downloaded from the page: the very bytes the office issued.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-result-0").ClickAsync());
        var saved = await download.PathAsync();
        Assert.Equal(certificateBytes, await File.ReadAllBytesAsync(saved, TestContext.Current.CancellationToken));

        await AssertStatisticsCountAsync(leader, counted, chosen);
        page.AssertNoScriptErrors();
        await page.Context.CloseAsync();
    }

    /// <summary>The dossier page, GET /api/v1/dossiers/{id} and the public lookup say the same status and appointment.</summary>
    private static async Task AssertAgreesAsync(IPage page, HttpClient citizen, HttpClient anonymous, Guid id, string code)
    {
        var dossier = await citizen.GetOkAsync($"/api/v1/dossiers/{id}");
        var lookup = await anonymous.GetOkAsync($"/api/v1/public/dossiers/{code}");
        var status = dossier.GetProperty("status").GetString();
        Assert.Equal(status, lookup.GetProperty("status").GetString());
        await Expect(page.Locator("#d-status")).ToHaveAttributeAsync("data-status", status!);
        var due = dossier.GetProperty("dueAt");
        Assert.Equal(due.ValueKind, lookup.GetProperty("dueAt").ValueKind);
        if (due.ValueKind == JsonValueKind.Null)
        {
            await Expect(page.Locator("#d-due time")).ToHaveCountAsync(0);
        }
        else
        {
            Assert.Equal(due.GetDateTimeOffset(), lookup.GetProperty("dueAt").GetDateTimeOffset());
            await Expect(page.Locator("#d-due time")).ToHaveTextAsync(Shown(due));
        }
    }

    private static readonly string[] LevelFields = ["notSatisfied", "satisfied", "verySatisfied"];

    /// <summary>The unit's answers per criterion and level this month (the report's default period), as the leader reads them.</summary>
    private static async Task<Dictionary<(string Criterion, int Level), int>> AnswerCountsAsync(HttpClient leader)
    {
        var report = await leader.GetOkAsync($"/api/v1/statistics?unit={Unit}");
        return report.GetProperty("total").GetProperty("satisfaction").GetProperty("criteria").EnumerateArray()
            .SelectMany(c => LevelFields.Select((field, i) => (Key: (c.GetProperty("criterion").GetString()!, i + 1), Count: c.GetProperty(field).GetInt32())))
            .ToDictionary(x => x.Key, x => x.Count);
    }

    /// <summary>The statistics (projected asynchronously) count one more answer at each level the citizen chose.</summary>
    private static async Task AssertStatisticsCountAsync(HttpClient leader, Dictionary<(string, int), int> before, Dictionary<string, int> chosen)
    {
        var expected = chosen.ToDictionary(c => (c.Key, c.Value), c => before.GetValueOrDefault((c.Key, c.Value)) + 1);
        Dictionary<(string, int), int> after = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            after = await AnswerCountsAsync(leader);
            if (expected.All(e => after.GetValueOrDefault(e.Key) == e.Value))
            {
                return;
            }
        }

        Assert.Fail($"the statistics did not count the answers: expected {string.Join(", ", expected)}, got {string.Join(", ", after)}");
    }
}
