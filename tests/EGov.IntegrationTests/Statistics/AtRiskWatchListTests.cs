using System.Net;
using System.Text.Json;
using EGov.Dossiers.Events;
using EGov.Dossiers.Grain;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.IntegrationTests.Statistics;

/// <summary>
/// The watch list's "at risk" kind (issue 19): read from the risk table with its "at risk" condition, highest probability
/// first, scoped like the other kinds; every kind shows the read model's escalation level.
/// </summary>
public sealed class AtRiskWatchListTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync(platform.Postgres);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static readonly RiskReason Overrun = new("step-overrun", "check", "bước 'thẩm định' đã dùng 2,5 trên 3 ngày", "step 'review' has used 2.5 of its 3 days", 0.7);
    private static readonly RiskReason Ahead = new("steps-ahead", null, "còn 2 bước phía trước", "2 steps still ahead", 0.2);

    [Fact]
    public async Task At_risk_lists_flagged_or_over_threshold_dossiers_not_overdue_by_probability_with_the_top_reason_in_scope()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await _host.ClientAsync("desk-risk", [Roles.DeskOfficer], "STP");
        var otherDesk = await _host.ClientAsync("desk-risk-2", [Roles.DeskOfficer], "STP");
        var sxdDesk = await _host.ClientAsync("desk-risk-sxd", [Roles.DeskOfficer], "SXD");
        var over = await Intake(desk, "TP-LLTP-01");
        var flagged = await Intake(otherDesk, "TP-LLTP-01");
        var overdue = await Intake(desk, "TP-LLTP-01");
        var low = await Intake(desk, "TP-LLTP-01");
        var elsewhere = await Intake(sxdDesk, "XD-CCHN-01");

        await RiskRows.UpsertAsync(_host.ConnectionString, over.Id, over.Code, "STP", "STP", "TP-LLTP-01", 0.9, dueAt: over.DueAt, reasons: [Overrun, Ahead]);
        await RiskRows.UpsertAsync(_host.ConnectionString, flagged.Id, flagged.Code, "STP", "STP", "TP-LLTP-01", 0.3, atRisk: true, dueAt: flagged.DueAt);
        await RiskRows.UpsertAsync(_host.ConnectionString, overdue.Id, overdue.Code, "STP", "STP", "TP-LLTP-01", 1.0, overdue: true, dueAt: overdue.DueAt, reasons: [Overrun]);
        await RiskRows.UpsertAsync(_host.ConnectionString, low.Id, low.Code, "STP", "STP", "TP-LLTP-01", 0.2, dueAt: low.DueAt, reasons: [Ahead]);
        await RiskRows.UpsertAsync(_host.ConnectionString, elsewhere.Id, elsewhere.Code, "SXD", "SXD", "XD-CCHN-01", 0.95, dueAt: elsewhere.DueAt, reasons: [Ahead]);
        await Escalate(over.Id, 2, over.DueAt);

        var admin = await _host.ClientAsync("admin-risk", [Roles.Admin]);
        await StatisticsApiTests.Caught(_host, admin);
        var leader = await _host.ClientAsync("lead-risk", [Roles.Leader], "STP");
        var list = await Ok(leader, "/api/v1/statistics/watch-list?kind=at-risk");
        Assert.Equal([over.Code, flagged.Code], list.Select(e => e.GetProperty("code").GetString()));

        var first = list[0];
        Assert.Equal(0.9, first.GetProperty("probability").GetDouble());
        Assert.Equal((Overrun.Vi, Overrun.En), (first.GetProperty("reason").GetProperty("vi").GetString(), first.GetProperty("reason").GetProperty("en").GetString()));
        Assert.Equal(2, first.GetProperty("escalationLevel").GetInt32());
        Assert.Equal(("STP", "desk-risk"), (first.GetProperty("holdingUnit").GetString(), first.GetProperty("lastOfficer").GetString()));
        Assert.Equal(JsonValueKind.Null, list[1].GetProperty("reason").ValueKind);
        Assert.Equal(0, list[1].GetProperty("escalationLevel").GetInt32());

        // The officer filter, the administrator's province-wide view and the limit, as for the other kinds.
        Assert.Equal([flagged.Code], (await Ok(leader, "/api/v1/statistics/watch-list?kind=at-risk&officer=desk-risk-2")).Select(e => e.GetProperty("code").GetString()));
        Assert.Equal([elsewhere.Code, over.Code, flagged.Code], (await Ok(admin, "/api/v1/statistics/watch-list?kind=at-risk")).Select(e => e.GetProperty("code").GetString()));
        Assert.Equal([elsewhere.Code], (await Ok(admin, "/api/v1/statistics/watch-list?kind=at-risk&limit=1")).Select(e => e.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/v1/statistics/watch-list?kind=at-risk&unit=SXD", ct)).StatusCode);

        // A new sweep's figures move the order; a dossier that falls under the threshold leaves the list.
        await RiskRows.UpsertAsync(_host.ConnectionString, flagged.Id, flagged.Code, "STP", "STP", "TP-LLTP-01", 0.97, atRisk: true, dueAt: flagged.DueAt, reasons: [Ahead]);
        await RiskRows.UpsertAsync(_host.ConnectionString, over.Id, over.Code, "STP", "STP", "TP-LLTP-01", 0.4, dueAt: over.DueAt, reasons: [Ahead]);
        var moved = await Ok(leader, "/api/v1/statistics/watch-list?kind=at-risk");
        Assert.Equal([flagged.Code], moved.Select(e => e.GetProperty("code").GetString()));
        Assert.Equal(Ahead.En, moved[0].GetProperty("reason").GetProperty("en").GetString());

        // Withdrawn before the next sweep deletes its row: the read model already says it is closed.
        await otherDesk.PostOkAsync($"/api/v1/dossiers/{flagged.Id}/withdraw", new { expectedVersion = await VersionOf(flagged.Id), reason = "Công dân rút hồ sơ" });
        Assert.Empty(await Ok(leader, "/api/v1/statistics/watch-list?kind=at-risk"));

        var unknown = await leader.GetAsync("/api/v1/statistics/watch-list?kind=risky", ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = await unknown.ReadJsonAsync();
        Assert.Equal("invalid-input", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task The_overdue_list_shows_the_escalation_level_and_no_probability_or_reason()
    {
        var importer = _host.Services.GetRequiredService<DossierImporter>();
        var now = _host.Services.GetRequiredService<PlatformClock>().GetUtcNow();
        var desk = new Caller("desk-esc", [Roles.DeskOfficer], "XA-TANDINH", null);
        var submit = new SubmitDossier(Guid.CreateVersion7(), "TP-HT-KS-01", Channel.Desk,
            new Applicant(Api.NewCitizenId(), "Phạm Văn Trễ", null, null, null), [], null, desk);
        var (state, error) = await importer.ImportAsync(submit, now.AddDays(-40), []);
        Assert.True(state is not null, error?.ToString());

        var leader = await _host.ClientAsync("lead-esc", [Roles.Leader], "XA-TANDINH");
        JsonElement entry = default;
        await DeadlineWarningTests.Eventually(async () =>
        {
            var list = await Ok(leader, "/api/v1/statistics/watch-list?kind=overdue");
            entry = list.FirstOrDefault(e => e.GetProperty("code").GetString() == state!.Code);
            return entry.ValueKind == JsonValueKind.Object;
        }, seconds: 30);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("probability").ValueKind);
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("reason").ValueKind);

        // The level comes from the read model, so it shows at once, whatever the statistics projection has counted.
        var level = entry.GetProperty("escalationLevel").GetInt32();
        await Escalate(state!.Id, level + 1, state.DueAt!.Value);
        var after = (await Ok(leader, "/api/v1/statistics/watch-list?kind=overdue")).Single(e => e.GetProperty("code").GetString() == state.Code);
        Assert.Equal(level + 1, after.GetProperty("escalationLevel").GetInt32());
    }

    private sealed record Dossier(Guid Id, string Code, DateTimeOffset DueAt);

    private async Task<Dossier> Intake(HttpClient desk, string procedure)
    {
        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake(procedure));
        var id = d.GetProperty("id").GetGuid();
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var state = await session.LoadAsync<DossierState>(id, TestContext.Current.CancellationToken);
        return new Dossier(id, state!.Code, state.DueAt!.Value);
    }

    private async Task<long> VersionOf(Guid id)
    {
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.LoadAsync<DossierState>(id, TestContext.Current.CancellationToken))!.Version;
    }

    // Until the escalation alarm exists on this branch, the event is appended as the grain would record it: through the
    // real store, whose inline projection updates the read model in the same transaction.
    private async Task Escalate(Guid id, int level, DateTimeOffset dueAt)
    {
        await using var session = _host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.Append(id, new DossierEscalated(level, Roles.Leader, "STP", level == 1 ? 0 : 2, dueAt,
            new EventMeta("system", "system", null, "Quá hạn / Overdue", DateTimeOffset.UtcNow)));
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement[]> Ok(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var json = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {json}");
        return [.. json.EnumerateArray()];
    }
}
