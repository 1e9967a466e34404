using System.Net;
using System.Net.Http.Json;
using EGov.Hosting;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Issue 13 point 8: with PostgreSQL down, requests get 503 problem+json with Retry-After and a text that says the
/// outcome may be unknown (never "nothing was changed"); once it is back, a retry with the same Idempotency-Key
/// makes exactly one dossier. The test stops and restarts a PostgreSQL server of its own, not the run's shared one.
/// </summary>
public sealed class DatabaseOutageTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_outage_answers_503_with_retry_after_and_a_retry_with_the_same_key_makes_one_dossier()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Path.Combine(Path.GetTempPath(), $"egov-outage-pg-{Guid.NewGuid():N}");
        await using var postgres = await LocalPostgres.StartAsync(dir, durable: false, ct);
        var connection = await postgres.CreateDatabaseAsync("egov_outage", ct);
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["ConnectionStrings:egov"] = connection });
        var desk = await host.ClientAsync("desk-outage", [Roles.DeskOfficer], "STP");
        await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));

        var ownerId = Api.NewCitizenId();
        var key = $"outage-{Guid.NewGuid():N}";
        await postgres.StopAsync(ct);
        try
        {
            var intake = await desk.SendAsync(Intake(ownerId, key), ct);
            await AssertUnavailableAsync(intake, "intake");
            var read = await desk.GetAsync("/api/v1/dossiers?pageSize=5", ct);
            await AssertUnavailableAsync(read, "list");
        }
        finally
        {
            await postgres.StartAgainAsync(ct);
        }

        // The first attempt may or may not have reached the store; either way the retry gives one dossier.
        HttpResponseMessage retried = null!;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            retried = await desk.SendAsync(Intake(ownerId, key), ct);
            if (retried.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }

        Assert.True(retried.IsSuccessStatusCode, $"retry answered {(int)retried.StatusCode}: {await retried.Content.ReadAsStringAsync(ct)}");
        var again = await desk.SendAsync(Intake(ownerId, key), ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var id = (await retried.ReadJsonAsync()).GetProperty("id").GetGuid();
        var list = await (await desk.GetAsync("/api/v1/dossiers?pageSize=100", ct)).ReadJsonAsync();
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Single(items, d => d.GetProperty("id").GetGuid() == id);
        Assert.Equal(2, items.Count); // the one from before the outage and the retried one: no second copy
    }

    private static HttpRequestMessage Intake(string ownerId, string key) =>
        new(HttpMethod.Post, "/api/v1/dossiers")
        {
            Content = JsonContent.Create(Api.DeskIntake("TP-LLTP-01", ownerId)),
            Headers = { { "Idempotency-Key", key } },
        };

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{what}: expected 503, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"{what}: no Retry-After in seconds");
        var problem = await response.ReadJsonAsync();
        Assert.Equal(ProblemTypes.ServiceUnavailable, problem.GetProperty("type").GetString());
        Assert.Equal("service-unavailable", problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("Idempotency-Key", detail, StringComparison.Ordinal);
        Assert.Contains("may be unknown", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing was changed", body, StringComparison.OrdinalIgnoreCase);
    }
}
