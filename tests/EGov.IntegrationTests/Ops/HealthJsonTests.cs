using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests.Ops;

/// <summary>Issue 17: the health endpoints answer JSON with each check's status and duration; plain text only on request.</summary>
public sealed class HealthJsonTests(PlatformFixture platform)
{
    private readonly HttpClient _http = platform.Host.Http;

    [Fact]
    public async Task Readiness_answers_json_with_every_check_its_status_and_duration()
    {
        var report = await ReportAsync("/health/ready");
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.True(report.GetProperty("durationMs").GetDouble() >= 0);
        var checks = report.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["draining", "modules", "postgres", "silo"], checks.Select(c => c.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        foreach (var check in checks)
        {
            Assert.Equal("Healthy", check.GetProperty("status").GetString());
            Assert.True(check.GetProperty("durationMs").GetDouble() >= 0);
            Assert.True(check.TryGetProperty("description", out _));
            Assert.False(check.TryGetProperty("exception", out _));
        }

        Assert.Contains("module(s)", checks.Single(c => c.GetProperty("name").GetString() == "modules").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liveness_answers_json_without_checks()
    {
        var report = await ReportAsync("/health/live");
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Empty(report.GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task A_client_that_asks_for_plain_text_gets_the_status_word()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The JSON report of a healthy endpoint (200, application/json).</summary>
    private async Task<JsonElement> ReportAsync(string path)
    {
        using var response = await _http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
    }
}
