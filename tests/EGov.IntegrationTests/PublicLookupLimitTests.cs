using System.Net;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Issue 13 point 10 d: sequential codes must not let anyone walk the neighbours. The public lookup is limited per
/// client (429 problem+json with Retry-After past the limit) and shows the public view only.
/// </summary>
public sealed class PublicLookupLimitTests(PlatformFixture platform)
{
    private static readonly string[] PublicFields = ["code", "procedureName", "unitName", "status", "submittedAt", "receivedAt", "dueAt", "overdue", "timeline"];

    [Fact]
    public async Task Lookups_past_the_per_client_limit_get_429_problem_with_retry_after()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
        {
            ["PublicLookup:PermitLimit"] = "3",
            ["PublicLookup:WindowSeconds"] = "600",
        });
        var desk = await host.ClientAsync("desk-limit", [Roles.DeskOfficer], "STP");
        var code = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("code").GetString();
        var anonymous = host.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/public/dossiers/{code}", ct)).StatusCode);
        }

        // Unknown codes count too: walking the neighbours is what the limit is for.
        var refused = await anonymous.GetAsync("/api/v1/public/dossiers/H10.22-991231-9999", ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 600 }, $"Retry-After: {refused.Headers.RetryAfter}");
        var problem = await refused.ReadJsonAsync();
        Assert.Equal(ProblemTypes.TooManyRequests, problem.GetProperty("type").GetString());
        Assert.Equal("too-many-requests", problem.GetProperty("code").GetString());
        Assert.Contains(" / ", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        // Another client (here an authenticated subject) has a budget of its own; other endpoints are not limited.
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/v1/public/dossiers/{code}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/procedures", ct)).StatusCode);
    }

    [Fact]
    public async Task A_client_that_keeps_missing_is_refused_every_lookup_before_its_overall_budget_is_spent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
        {
            ["PublicLookup:PermitLimit"] = "100",
            ["PublicLookup:MissLimit"] = "3",
            ["PublicLookup:WindowSeconds"] = "600",
        });
        var desk = await host.ClientAsync("desk-miss", [Roles.DeskOfficer], "STP");
        var code = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("code").GetString();
        var walker = host.CreateClient();

        // Hits do not spend the miss budget.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await walker.GetAsync($"/api/v1/public/dossiers/{code}", ct)).StatusCode);
        }

        // Unknown and malformed codes do.
        Assert.Equal(HttpStatusCode.NotFound, (await walker.GetAsync("/api/v1/public/dossiers/H10.22-991231-9997", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await walker.GetAsync("/api/v1/public/dossiers/H10.22-991231-9998", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await walker.GetAsync("/api/v1/public/dossiers/not-a-code", ct)).StatusCode);
        await AssertRefusedAsync(await walker.GetAsync("/api/v1/public/dossiers/H10.22-991231-9999", ct));

        // Once spent, a hit is refused too: otherwise it would still tell the walker which codes exist.
        await AssertRefusedAsync(await walker.GetAsync($"/api/v1/public/dossiers/{code}", ct));

        // Another client has budgets of its own.
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/v1/public/dossiers/{code}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync("/api/v1/public/dossiers/H10.22-991231-9999", ct)).StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget_and_cannot_choose_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
        {
            ["PublicLookup:PermitLimit"] = "2",
            ["PublicLookup:WindowSeconds"] = "600",
            ["PublicLookup:TrustedProxies:0"] = "127.0.0.0/8",
            ["PublicLookup:TrustedProxies:1"] = "::1",
        });
        var desk = await host.ClientAsync("desk-proxy", [Roles.DeskOfficer], "STP");
        var code = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("code").GetString();
        var proxy = host.CreateClient();
        Task<HttpResponseMessage> From(string forwardedFor)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/dossiers/{code}");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            return proxy.SendAsync(request, ct);
        }

        Assert.Equal(HttpStatusCode.OK, (await From("203.0.113.7")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await From("203.0.113.7")).StatusCode);
        await AssertRefusedAsync(await From("203.0.113.7"));

        // Addresses the client wrote itself (left of what the proxy saw) change nothing.
        await AssertRefusedAsync(await From("198.51.100.1, 203.0.113.7"));

        // Another client behind the same proxy, also through a second trusted hop.
        Assert.Equal(HttpStatusCode.OK, (await From("203.0.113.8")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await From("203.0.113.8, 127.0.0.2")).StatusCode);
        await AssertRefusedAsync(await From("203.0.113.8"));
    }

    [Fact]
    public async Task Without_trusted_proxies_forwarded_addresses_are_ignored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
        {
            ["PublicLookup:PermitLimit"] = "2",
            ["PublicLookup:WindowSeconds"] = "600",
        });
        var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/public/dossiers/H10.22-991231-9999");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            var response = await client.SendAsync(request, ct);
            if (i < 2)
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
            else
            {
                await AssertRefusedAsync(response);
            }
        }
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage refused)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 600 }, $"Retry-After: {refused.Headers.RetryAfter}");
        var problem = await refused.ReadJsonAsync();
        Assert.Equal(ProblemTypes.TooManyRequests, problem.GetProperty("type").GetString());
        Assert.Equal("too-many-requests", problem.GetProperty("code").GetString());
        Assert.Contains(" / ", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_view_holds_status_and_dates_only()
    {
        var ct = TestContext.Current.CancellationToken;
        var host = platform.Host;
        var desk = await host.ClientAsync("desk-public-view", [Roles.DeskOfficer], "STP");
        var ownerId = Api.NewCitizenId();
        var created = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01", ownerId));
        var code = created.GetProperty("code").GetString();

        var response = await host.CreateClient().GetAsync($"/api/v1/public/dossiers/{code}", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.ReadJsonAsync();
        Assert.Equal(PublicFields.Order(StringComparer.Ordinal), view.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var entry in view.GetProperty("timeline").EnumerateArray())
        {
            Assert.Equal(["at", "status"], entry.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        }

        // Compared on the decoded values: the serializer may escape Vietnamese letters in the raw text.
        var values = string.Join("\n", Strings(view));
        foreach (var personal in new[] { ownerId, "Trần Thị Bình", "0912345678", "binh@example.vn", "Lê Lợi", created.GetProperty("id").GetString()! })
        {
            Assert.DoesNotContain(personal, values, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Strings(System.Text.Json.JsonElement e) => e.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        System.Text.Json.JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        System.Text.Json.JsonValueKind.String => [e.GetString()!],
        _ => [],
    };
}
