using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Issue 13, point 3: every instant, date, year and count the API accepts has a documented range (docs/deadlines.md,
/// "Input ranges"); outside it the answer is 400 problem+json whose <c>errors</c> names the parameter and states the
/// range in both languages. The calculator's variants used to answer 500 (overflow) or silently compute far-off dates.
/// </summary>
public sealed class InputRangeTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    [Theory]
    [InlineData("start=9999-12-31T23:59:59Z&workingDays=1", "start")] // the issue's request: 500 (overflow)
    [InlineData("start=9999-12-31T23:59:59Z&workingHours=1", "start")]
    [InlineData("start=9999-12-30T23:00:00Z&workingDays=1", "start")]
    [InlineData("start=9999-12-31T23:59:59Z&workingDays=0", "start")]
    [InlineData("start=9999-12-31T16:00:00%2B07:00&workingHours=3650", "start")]
    [InlineData("start=0001-01-01T00:00:00Z&workingDays=1", "start")]
    [InlineData("start=0001-01-01T00:00:00Z&workingHours=1", "start")]
    [InlineData("start=0001-01-01T12:00:00%2B07:00&workingDays=0", "start")]
    [InlineData("start=1999-12-31T23:59:59Z&workingDays=1", "start")]
    [InlineData("start=2101-01-01T00:00:00Z&workingDays=1", "start")]
    [InlineData("start=2500-06-15T10:00:00%2B07:00&workingDays=5", "start")]
    [InlineData("start=2026-03-02T10:00:00%2B07:00&workingDays=3651", "workingDays")]
    [InlineData("start=2026-03-02T10:00:00%2B07:00&workingDays=2147483647", "workingDays")]
    [InlineData("start=2026-03-02T10:00:00%2B07:00&workingDays=-2147483648", "workingDays")]
    [InlineData("start=2026-03-02T10:00:00%2B07:00&workingHours=29201", "workingHours")]
    [InlineData("start=2026-03-02T10:00:00%2B07:00&workingHours=-1", "workingHours")]
    public async Task The_due_calculator_refuses_out_of_range_input_with_400_naming_the_parameter_and_range(string query, string field) =>
        await AssertRangeProblem(_host.CreateClient(), $"/api/v1/calendar/due?{query}", field);

    [Theory]
    [InlineData("start=2000-01-01T00:00:00Z&workingDays=3650")]
    [InlineData("start=2100-12-31T23:59:59Z&workingDays=3650")]
    [InlineData("start=2100-12-31T23:59:59Z&workingHours=29200")]
    [InlineData("start=2000-01-01T07:00:00%2B07:00&workingDays=0")]
    public async Task The_due_calculator_answers_at_the_edges_of_its_range(string query)
    {
        var response = await _host.CreateClient().GetAsync($"/api/v1/calendar/due?{query}", TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/api/v1/calendar/1999", "year")]
    [InlineData("/api/v1/calendar/2101", "year")]
    [InlineData("/api/v1/calendar/99999999999", "year")]
    public async Task Calendar_years_outside_the_range_are_refused(string url, string field) =>
        await AssertRangeProblem(_host.CreateClient(), url, field);

    [Theory]
    [InlineData("/api/v1/dossiers?dueFrom=0001-01-01T00:00:00Z", "dueFrom")]
    [InlineData("/api/v1/dossiers?dueTo=9999-12-31T23:59:59Z", "dueTo")]
    [InlineData("/api/v1/dossiers?dueFrom=1999-12-31T00:00:00Z", "dueFrom")]
    [InlineData("/api/v1/dossiers?page=0", "page")]
    [InlineData("/api/v1/dossiers?page=2147483647", "page")]
    [InlineData("/api/v1/dossiers?pageSize=201", "pageSize")]
    [InlineData("/api/v1/dossiers?pageSize=-1", "pageSize")]
    public async Task Work_list_instants_and_paging_outside_the_range_are_refused(string url, string field) =>
        await AssertRangeProblem(await _host.ClientAsync("ranges-desk", [Roles.DeskOfficer], "STP"), url, field);

    [Theory]
    [InlineData("/api/v1/notifications?limit=0", "limit")]
    [InlineData("/api/v1/notifications?limit=501", "limit")]
    [InlineData("/api/v1/notifications?limit=-2147483648", "limit")]
    public async Task Notification_limits_outside_the_range_are_refused_not_clamped(string url, string field) =>
        await AssertRangeProblem(await _host.ClientAsync("ranges-desk", [Roles.DeskOfficer], "STP"), url, field);

    [Theory]
    [InlineData("/api/v1/statistics?from=1999-12-31", "from")]
    [InlineData("/api/v1/statistics?from=2026-01-01&to=2101-01-01", "to")]
    [InlineData("/api/v1/statistics?from=0001-01-01", "from")]
    [InlineData("/api/v1/statistics/export?from=9999-12-31&format=csv", "from")]
    [InlineData("/api/v1/statistics/watch-list?limit=0", "limit")]
    [InlineData("/api/v1/statistics/watch-list?limit=2147483647", "limit")]
    public async Task Statistics_dates_and_limits_outside_the_range_are_refused(string url, string field) =>
        await AssertRangeProblem(await _host.ClientAsync("ranges-admin", [Roles.Admin]), url, field);

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public async Task Extension_working_days_outside_the_range_are_refused(int workingDays)
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await _host.ClientAsync("ranges-desk", [Roles.DeskOfficer], "STP");
        var dossier = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var leader = await _host.ClientAsync("ranges-leader", [Roles.Leader], "STP");
        var response = await leader.PostAsJsonAsync($"/api/v1/dossiers/{dossier.GetProperty("id").GetGuid()}/extend", new { reason = "Cần xác minh thêm", workingDays }, ct);
        await AssertRangeProblem(response, "workingDays");
    }

    [Theory]
    [InlineData("issuedOn", "0001-01-01")]
    [InlineData("issuedOn", "1899-12-31")]
    [InlineData("expiresOn", "9999-12-31")]
    public async Task Document_dates_outside_the_range_are_refused(string field, string value)
    {
        var ct = TestContext.Current.CancellationToken;
        var citizenId = Api.NewCitizenId();
        var citizen = await _host.ClientAsync($"c-{citizenId}", [Roles.Citizen], citizenId: citizenId);
        using var form = DocumentsApi.Form(DocumentsApi.Bytes(Files.Pdf()), "birth-certificate", citizenId, extra: new Dictionary<string, string> { [field] = value });
        var response = await citizen.PostAsync("/api/v1/documents", form, ct);
        await AssertRangeProblem(response, field);
    }

    [Fact]
    public async Task The_openapi_document_states_the_calculators_ranges()
    {
        var doc = await (await _host.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var parameters = doc.GetProperty("paths").GetProperty("/api/v1/calendar/due").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        var days = parameters.Single(p => p.GetProperty("name").GetString() == "workingDays");
        var start = parameters.Single(p => p.GetProperty("name").GetString() == "start");
        Assert.Contains("3650", days.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("2100-12-31", start.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(days.GetProperty("schema").TryGetProperty("maximum", out var max), days.ToString());
        Assert.Equal(InputRanges.MaxWorkingDays, max.GetInt32());
    }

    private async Task AssertRangeProblem(HttpClient client, string url, string field) =>
        await AssertRangeProblem(await client.GetAsync(url, TestContext.Current.CancellationToken), field);

    private static async Task AssertRangeProblem(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.True(problem.TryGetProperty("errors", out var errors), $"a problem with errors: {body}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors must name '{field}': {body}");
        var message = string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));

        // Both languages, and the range itself: a digit of each bound and the "/" that separates Vietnamese from English.
        Assert.Contains(" / ", message, StringComparison.Ordinal);
        Assert.Matches(@"\d.*(\.\.|–|to|đến).*\d", message);
    }
}
