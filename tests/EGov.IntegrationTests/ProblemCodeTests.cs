using System.Net.Http.Headers;
using System.Text;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Every problem carries a stable <c>code</c>, also the ones the framework writes (401, unknown routes, a body of
/// the wrong JSON type), and a client that accepts no JSON still gets problem+json (issue 13, found by the
/// bad-input suite: those answers were text/plain or had no code).
/// </summary>
public sealed class ProblemCodeTests(PlatformFixture platform)
{
    private readonly TestHost _host = platform.Host;

    [Theory]
    [InlineData("application/json", 401, "unauthenticated")]
    [InlineData("application/xml", 401, "unauthenticated")]
    [InlineData("text/html", 401, "unauthenticated")]
    public async Task An_anonymous_call_gets_a_401_problem_with_a_code_whatever_it_accepts(string accept, int status, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/dossiers");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        using var response = await _host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, status, code);
    }

    [Fact]
    public async Task An_unknown_route_gets_a_404_problem_with_a_code()
    {
        using var response = await _host.Http.GetAsync("/api/v1/no-such-thing", TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, 404, "not-found");
    }

    [Fact]
    public async Task A_body_of_the_wrong_json_type_gets_a_400_problem_with_a_code()
    {
        var desk = await _host.ClientAsync("desk-codes", [Roles.DeskOfficer], "STP");
        using var body = new StringContent("""{"procedureCode": 42, "channel": "Desk", "applicant": {"idNumber": "001099012345", "fullName": "A"}}""", Encoding.UTF8, "application/json");

        using var response = await desk.PostAsync("/api/v1/dossiers", body, TestContext.Current.CancellationToken);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("code").GetString()), problem.ToString());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Contains(" / ", problem.GetProperty("title").GetString(), StringComparison.Ordinal); // Vietnamese / English
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }
}
