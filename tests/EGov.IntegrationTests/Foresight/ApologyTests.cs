using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.Foresight;

/// <summary>
/// The automatic apology end to end on a platform whose clock the test moves (issue 19): the dossier's due-soon alarm
/// prepares form 04, the leader issues it with one call, the citizen's lookup shows the new appointment and the
/// forms list holds form 04. The criminal-record certificate (STP), received Monday 2 March 2026 08:00, is due Monday
/// 16 March 08:00; its due-soon warning fires on Friday 13th.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class ApologyTests(PlatformFixture platform) : IAsyncLifetime
{
    private readonly TimeTravel _travel = new(DeadlineWarningTests.Local(2026, 3, 2, 8));
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Deadlines:PollMilliseconds"] = "200" }, _travel.Clock);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_due_soon_warning_drafts_form_04_and_one_call_issues_it_to_the_lookup_and_the_forms()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await _host.ClientAsync("desk-apology", [Roles.DeskOfficer], "STP");
        var leader = await _host.ClientAsync("lead-apology", [Roles.Leader], "STP");
        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();
        var code = d.GetProperty("code").GetString()!;
        var due = d.GetProperty("dueAt").GetDateTimeOffset();
        Assert.Equal(JsonValueKind.Null, d.GetProperty("apologyDraft").ValueKind);

        // Without a draft there is nothing to issue, and the action is not offered.
        var early = await leader.PostAsJsonAsync($"/api/v1/dossiers/{id}/issue-apology", new { }, ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("no-apology-draft", (await early.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.DoesNotContain("issue-apology", Actions(await Read(leader, id)));

        // Friday 13th: the dossier is due soon; the draft is prepared in the same commit.
        await _travel.ToAsync(_host.ConnectionString, DeadlineWarningTests.Local(2026, 3, 13, 8, 1));
        await DeadlineWarningTests.Eventually(async () => (await Read(leader, id)).GetProperty("apologyDraft").ValueKind == JsonValueKind.Object);
        var read = await Read(leader, id);
        var draft = read.GetProperty("apologyDraft");
        Assert.Equal("due-soon", draft.GetProperty("basis").GetString());
        var days = draft.GetProperty("workingDays").GetInt32();
        Assert.InRange(days, 1, 60);
        var proposed = draft.GetProperty("proposedDueAt").GetDateTimeOffset();
        var calendar = await (await _host.CreateClient().GetAsync(
            $"/api/v1/calendar/due?start={Uri.EscapeDataString(due.ToString("O"))}&workingDays={days}&unit=STP", ct)).ReadJsonAsync();
        Assert.Equal(calendar.GetProperty("due").GetDateTimeOffset(), proposed);
        Assert.Contains("issue-apology", Actions(read));
        Assert.Equal(1, (await History(leader, id)).Count(t => t == "ApologyDrafted"));

        // Other days need a reason.
        var other = await leader.PostAsJsonAsync($"/api/v1/dossiers/{id}/issue-apology", new { workingDays = days + 1 }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
        var problem = await other.ReadJsonAsync();
        Assert.Equal("reason-required", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));

        // One call with no body but the draft's own days.
        var issued = await leader.PostOkAsync($"/api/v1/dossiers/{id}/issue-apology", new { });
        Assert.Equal(proposed, issued.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(1, issued.GetProperty("apologies").GetInt32());
        Assert.Equal(JsonValueKind.Null, issued.GetProperty("apologyDraft").ValueKind);
        Assert.DoesNotContain("issue-apology", Actions(issued));

        var history = await (await leader.GetAsync($"/api/v1/dossiers/{id}/history", ct)).ReadJsonAsync();
        var extended = history.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "DeadlineExtended");
        Assert.True(extended.GetProperty("data").GetProperty("fromDraft").GetBoolean());
        Assert.Equal(days, extended.GetProperty("data").GetProperty("workingDays").GetInt32());
        Assert.Equal("lead-apology", extended.GetProperty("actor").GetString());

        var lookup = await (await _host.CreateClient().GetAsync($"/api/v1/public/dossiers/{code}", ct)).ReadJsonAsync();
        Assert.Equal(proposed, lookup.GetProperty("dueAt").GetDateTimeOffset());

        var forms = (await (await desk.GetAsync($"/api/v1/dossiers/{id}/forms", ct)).ReadJsonAsync()).EnumerateArray()
            .Select(f => f.GetProperty("form").GetString()).ToArray();
        Assert.Contains("04", forms);

        var again = await leader.PostAsJsonAsync($"/api/v1/dossiers/{id}/issue-apology", new { }, ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    internal static async Task<JsonElement> Read(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken)).ReadJsonAsync();

    private static string[] Actions(JsonElement dossier) => [.. dossier.GetProperty("availableActions").EnumerateArray().Select(a => a.GetString()!)];

    internal static async Task<List<string>> History(HttpClient client, Guid id) =>
        [.. (await (await client.GetAsync($"/api/v1/dossiers/{id}/history", TestContext.Current.CancellationToken)).ReadJsonAsync())
            .EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];
}
