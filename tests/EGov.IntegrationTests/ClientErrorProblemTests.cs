using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EGov.IntegrationTests.Fuzz;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Issue 17, deliver 2: a value that does not convert (an unknown enum name, a wrong JSON type, a number past its type,
/// a query value that does not parse), a wrong content type: each is a 400/415 problem with a stable code, the field
/// in <c>errors</c> with what it accepts, and no .NET type name anywhere. Before, <c>"channel":"Fax"</c> got
/// Wolverine's problem whose detail named <c>EGov.Dossiers.Model.Channel</c>, with no <c>errors</c>, logged at error
/// level with a stack trace. Runs on a host of its own so its logs hold only these requests.
/// </summary>
public sealed class ClientErrorProblemTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync(platform.Postgres);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_unknown_enum_value_names_the_field_and_the_accepted_values()
    {
        var problem = await PostAsync("/api/v1/dossiers", """{"procedureCode":"TP-LLTP-01","channel":"Fax","applicant":{"idNumber":"001099012345","fullName":"Nguyễn Văn A"}}""");

        Assert.Equal("invalid-value", problem.GetProperty("code").GetString());
        var message = problem.GetProperty("errors").GetProperty("channel")[0].GetString()!;
        Assert.Contains("Desk", message, StringComparison.Ordinal);
        Assert.Contains("Online", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"procedureCode":42,"channel":"Desk","applicant":{"idNumber":"001099012345","fullName":"A"}}""", "procedureCode")]
    [InlineData("""{"procedureCode":"TP-LLTP-01","channel":"Desk","applicant":{"idNumber":"001099012345","fullName":["A"]}}""", "applicant.fullName")]
    [InlineData("""{"procedureCode":"TP-LLTP-01","channel":"Desk","applicant":"someone"}""", "applicant")]
    [InlineData("""{"procedureCode":"TP-LLTP-01","channel":"Desk","applicant":{"idNumber":"001099012345","fullName":"A"},"documentIds":["not-a-uuid"]}""", "documentIds[0]")]
    [InlineData("""["TP-LLTP-01"]""", "body")]
    public async Task A_value_of_the_wrong_type_names_its_field(string body, string field)
    {
        var problem = await PostAsync("/api/v1/dossiers", body);

        Assert.Equal("invalid-value", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.Contains(" / ", messages[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("2147483648")]
    [InlineData("\"five\"")]
    [InlineData("1.5")]
    public async Task A_number_past_its_type_is_refused_with_the_range(string workingDays)
    {
        var desk = await _host.ClientAsync("desk-numbers", [Roles.DeskOfficer], "STP");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();

        var problem = await PostAsync($"/api/v1/dossiers/{id}/extend", $$"""{"reason":"x","workingDays":{{workingDays}}}""");

        Assert.Equal("invalid-value", problem.GetProperty("code").GetString());
        Assert.Contains("2147483647", problem.GetProperty("errors").GetProperty("workingDays")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/dossiers?status=Nope", "status", "Received")]
    [InlineData("/api/v1/dossiers?dueFrom=yesterday", "dueFrom", "ISO 8601")]
    [InlineData("/api/v1/dossiers?page=many", "page", "2147483647")]
    public async Task A_query_value_that_does_not_parse_names_the_parameter_and_what_it_accepts(string url, string parameter, string hint)
    {
        var admin = await _host.ClientAsync("admin-query", [Roles.Admin]);

        using var response = await admin.GetAsync(url, TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, 400);
        Assert.Equal("invalid-value", problem.GetProperty("code").GetString());
        Assert.Contains(hint, problem.GetProperty("errors").GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        var desk = await _host.ClientAsync("desk-type", [Roles.DeskOfficer], "STP");
        using var content = new StringContent("procedureCode=TP-LLTP-01", Encoding.UTF8, "text/plain");

        using var response = await desk.PostAsync("/api/v1/dossiers", content, TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, 415);
        Assert.Equal("unsupported-media-type", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_action_the_state_forbids_has_one_code_and_the_state_in_a_field()
    {
        var desk = await _host.ClientAsync("desk-state", [Roles.DeskOfficer], "STP");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();

        using var response = await desk.PostAsync($"/api/v1/dossiers/{id}/deliver", Json("{}"), TestContext.Current.CancellationToken);

        var problem = await AssertProblemAsync(response, 422);
        Assert.Equal("not-allowed-in-state", problem.GetProperty("code").GetString());
        Assert.Equal("Received", problem.GetProperty("state").GetString());
        Assert.Equal("deliver", problem.GetProperty("action").GetString());
    }

    [Fact]
    public async Task Client_errors_are_logged_at_information_without_a_stack_trace()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await _host.ClientAsync("desk-logs", [Roles.DeskOfficer], "STP");
        var before = _host.Logs.Lines.Count;

        // Raw requests, so the check is on the logs alone: Wolverine logged these two at Error with a stack trace.
        using var badEnum = await desk.PostAsync("/api/v1/dossiers",
            Json("""{"procedureCode":"TP-LLTP-01","channel":"Fax","applicant":{"idNumber":"001099012345","fullName":"A"}}"""), ct);
        using var badType = await desk.PostAsync("/api/v1/dossiers", Json("""{"procedureCode":{"a":1},"channel":"Desk"}"""), ct);
        Assert.Equal((400, 400), ((int)badEnum.StatusCode, (int)badType.StatusCode));

        // A body sent in chunks past the JSON limit fails while it is read: the exception handler answers it (413) and
        // logs it at Information (that line was not seen in this host's captured logs: see the notes).
        using var oversize = new UndeclaredLengthContent(Encoding.UTF8.GetBytes("{\"reason\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"));
        oversize.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var tooLarge = await desk.PostAsync("/api/v1/dossiers", oversize, ct);
        Assert.Equal(413, (int)tooLarge.StatusCode);

        var lines = _host.Logs.Lines.Skip(before).ToList();
        var dump = string.Join('\n', lines.Select(l => l.Length > 300 ? l[..300] : l));
        Assert.False(lines.Any(l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal)
            || (l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains("/api/v1/dossiers", StringComparison.Ordinal))), dump);
        Assert.False(lines.Any(l => l.Contains("\n   at ", StringComparison.Ordinal)), dump);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<JsonElement> PostAsync(string url, string body)
    {
        var desk = await _host.ClientAsync("desk-bad-values", [Roles.DeskOfficer, Roles.Leader], "STP");
        using var response = await desk.PostAsync(url, Json(body), TestContext.Current.CancellationToken);
        return await AssertProblemAsync(response, 400);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Null(ProblemContract.Violation(problem, text));
        return problem;
    }
}
