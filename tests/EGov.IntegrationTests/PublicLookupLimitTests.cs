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
