using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EGov.Dossiers.Grain;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.IntegrationTests.Statistics;

/// <summary>The exports carry the same figures as the API in the layout of form II.06a; the watch list shows who holds each late dossier.</summary>
public sealed class StatisticsExportTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync(platform.Postgres);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Csv_and_xlsx_exports_hold_the_reports_figures_in_the_forms_layout()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await _host.ClientAsync("desk-x", [Roles.DeskOfficer], "XA-TANDINH");
        for (var i = 0; i < 3; i++)
        {
            await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-HT-KS-01"));
        }

        var late = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-HT-KH-01"));
        var leader = await _host.ClientAsync("lead-x", [Roles.Leader], "XA-TANDINH");
        await leader.PostOkAsync($"/api/v1/dossiers/{late.GetProperty("id").GetGuid()}/extend", new { reason = "Chờ xác minh / Awaiting a check", workingDays = 2 });
        var admin = await _host.ClientAsync("admin-x", [Roles.Admin]);
        await StatisticsApiTests.Caught(_host, admin);
        var report = await (await leader.GetAsync("/api/v1/statistics", ct)).ReadJsonAsync();
        var unit = report.GetProperty("units")[0];
        Assert.Equal(4, StatisticsApiTests.Direct(unit));

        var csvResponse = await leader.GetAsync("/api/v1/statistics/export?format=csv", ct);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".csv", csvResponse.Content.Headers.ContentDisposition?.FileNameStar ?? csvResponse.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Trước hạn / Resolved - Early", lines[0], StringComparison.Ordinal);
        var header = Fields(lines[0]);
        var stp = lines.Select(Fields).Single(c => c[1] == "XA-TANDINH");
        Assert.Equal("4", stp[Array.FindIndex(header, h => h.Contains("Received in person or by post", StringComparison.Ordinal))]);
        Assert.Equal("4", stp[Array.FindIndex(header, h => h.Contains("In progress - Total", StringComparison.Ordinal))]);
        var lltp = lines.Select(Fields).Single(c => c[1] == "TP-HT-KS-01");
        Assert.Equal("1.2", lltp[0]);
        Assert.Equal("3", lltp[Array.FindIndex(header, h => h.Contains("Received in person or by post", StringComparison.Ordinal))]);
        Assert.StartsWith(",,Tổng cộng / Total", lines[^1], StringComparison.Ordinal);
        Assert.Equal(1, unit.GetProperty("apologies").GetInt32());
        Assert.Equal("1", stp[Array.FindIndex(header, h => h.Contains("Other - Apologies (form 04)", StringComparison.Ordinal))]);
        Assert.Equal("0", stp[Array.FindIndex(header, h => h.Contains("Other - Resolved after an apology", StringComparison.Ordinal))]);

        var xlsxResponse = await leader.GetAsync("/api/v1/statistics/export?format=xlsx", ct);
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync(ct));
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, Text);
        Assert.StartsWith("Biểu mẫu II.06a/VPCP/KSTT", cells["A1"], StringComparison.Ordinal);
        Assert.Equal("Số hồ sơ nhận giải quyết / Dossiers to process", cells["D4"]);
        Assert.Equal("Mới tiếp nhận trực tiếp, bưu chính", cells["G5"]);
        Assert.Equal("Received in person or by post", cells["G6"]);
        Assert.Equal(("1", "XA-TANDINH", "4", "4"), (cells["A7"], cells["B7"], cells["G7"], cells["L7"]));
        Assert.Equal(("1.1", "TP-HT-KH-01", "1"), (cells["A8"], cells["B8"], cells["G8"]));
        Assert.Equal(("1.2", "TP-HT-KS-01", "3"), (cells["A9"], cells["B9"], cells["G9"]));
        Assert.Contains(sheet.Descendants<MergeCell>(), m => m.Reference!.Value == "D4:G4");
    }

    [Fact]
    public async Task The_watch_list_shows_an_overdue_dossier_with_the_step_and_role_holding_it_and_its_last_officer()
    {
        var ct = TestContext.Current.CancellationToken;
        var importer = _host.Services.GetRequiredService<DossierImporter>();
        var now = _host.Services.GetRequiredService<PlatformClock>().GetUtcNow();
        var desk = new Caller("desk-late", [Roles.DeskOfficer], "SXD", null);
        var specialist = new Caller("spec-late", [Roles.Specialist], "SXD", null);
        var submit = new SubmitDossier(Guid.CreateVersion7(), "XD-CCHN-01", Channel.Desk,
            new Applicant(Api.NewCitizenId(), "Lê Văn Muộn", null, null, null), [], null, desk);
        var received = now.AddDays(-40);
        var (state, error) = await importer.ImportAsync(submit, received,
            [(new ActionInput(DossierActions.CompleteStep, null, null, [], null, null, null, specialist), received.AddDays(1))]);
        Assert.True(state is not null, error?.ToString());

        var leader = await _host.ClientAsync("lead-late", [Roles.Leader], "SXD");
        System.Text.Json.JsonElement list = default;
        await DeadlineWarningTests.Eventually(async () =>
        {
            list = await (await leader.GetAsync("/api/v1/statistics/watch-list?kind=overdue", ct)).ReadJsonAsync();
            return list.EnumerateArray().Any(e => e.GetProperty("code").GetString() == state!.Code);
        }, seconds: 30);
        var entry = list.EnumerateArray().Single(e => e.GetProperty("code").GetString() == state!.Code);
        Assert.Equal("SXD", entry.GetProperty("holdingUnit").GetString());
        Assert.Equal(state!.CurrentStep!.Name, entry.GetProperty("holdingStep").GetString());
        Assert.Equal(state.CurrentStep.Role, entry.GetProperty("holdingRole").GetString());
        Assert.Equal("spec-late", entry.GetProperty("lastOfficer").GetString());
        Assert.True(entry.GetProperty("overdue").GetBoolean());

        var byOfficer = await (await leader.GetAsync("/api/v1/statistics/watch-list?kind=overdue&officer=spec-late", ct)).ReadJsonAsync();
        Assert.Equal([state.Code], byOfficer.EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        var other = await (await leader.GetAsync("/api/v1/statistics/watch-list?kind=overdue&officer=nobody", ct)).ReadJsonAsync();
        Assert.Equal(0, other.GetArrayLength());
        var report = await (await leader.GetAsync("/api/v1/statistics", ct)).ReadJsonAsync();
        Assert.True(report.GetProperty("units")[0].GetProperty("inProgress").GetProperty("overdue").GetInt32() >= 1);
    }

    /// <summary>RFC 4180 fields of one line: commas inside quotes belong to the field.</summary>
    private static string[] Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    private static string Text(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? string.Empty;
}
