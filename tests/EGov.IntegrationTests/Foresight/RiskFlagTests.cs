using System.Text.Json;
using EGov.Dossiers.Events;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Grain;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.IntegrationTests.Foresight;

/// <summary>
/// The risk sweep's signal reaches the dossier's grain (issue 19): twenty at once record the flag and its draft once,
/// with the notices in the same transaction; the same signal after a restart records nothing.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class RiskFlagTests(PlatformFixture platform)
{
    [Fact]
    public async Task Twenty_concurrent_signals_flag_once_and_a_restarted_host_flags_nothing_more()
    {
        var travel = new TimeTravel(DeadlineWarningTests.Local(2026, 3, 2, 8));
        var settings = new Dictionary<string, string?> { ["Deadlines:PollMilliseconds"] = "200" };
        var first = await TestHost.StartAsync(platform.Postgres, settings, travel.Clock);
        var desk = await first.ClientAsync("desk-risk", [Roles.DeskOfficer], "STP");
        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();
        var due = d.GetProperty("dueAt").GetDateTimeOffset();
        var reasons = new[] { new RiskReason("step-overrun", "verify", "Bước xác minh đã dùng 6 trên 7 ngày", "Step verify has used 6 of its 7 days", 0.9) };
        var signal = new RiskSignal(id, due.ToUniversalTime(), 0.9, 0.5, due.AddDays(3).ToUniversalTime(), reasons);

        // A signal for another appointment is refused.
        var grains = first.Services.GetRequiredService<IGrainFactory>();
        Assert.False(await grains.GetGrain<IDossierGrain>(id).RaiseRisk(signal with { DueAt = due.AddDays(-1) }));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grains.GetGrain<IDossierGrain>(id).RaiseRisk(signal)));

        Assert.Equal(1, results.Count(r => r));
        var read = await (await desk.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.True(read.GetProperty("atRisk").GetBoolean());
        Assert.Equal("at-risk", read.GetProperty("apologyDraft").GetProperty("basis").GetString());
        Assert.Equal(JsonValueKind.Number, read.GetProperty("apologyDraft").GetProperty("workingDays").ValueKind);
        var notices = await AtRiskNotices(await first.ClientAsync("lead-risk", [Roles.Leader], "STP"), id);
        Assert.Single(notices);
        Assert.Contains("Bước xác minh", notices[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        await first.DisposeAsync();

        settings["ConnectionStrings:egov"] = first.ConnectionString;
        await using var second = await TestHost.StartAsync(platform.Postgres, settings, travel.Clock);
        var again = second.Services.GetRequiredService<IGrainFactory>();
        Assert.False(await again.GetGrain<IDossierGrain>(id).RaiseRisk(signal));

        var reader = await second.ClientAsync("desk-risk", [Roles.DeskOfficer], "STP");
        var history = await ApologyTests.History(reader, id);
        Assert.Equal(1, history.Count(t => t == "DossierFlaggedAtRisk"));
        Assert.Equal(1, history.Count(t => t == "ApologyDrafted"));
        Assert.Single(await AtRiskNotices(await second.ClientAsync("lead-risk", [Roles.Leader], "STP"), id));
    }

    private static async Task<JsonElement[]> AtRiskNotices(HttpClient leader, Guid id) =>
        [.. (await (await leader.GetAsync("/api/v1/notifications", TestContext.Current.CancellationToken)).ReadJsonAsync()).EnumerateArray()
            .Where(n => n.GetProperty("dossierId").GetGuid() == id && n.GetProperty("kind").GetString() == "at-risk")];
}
