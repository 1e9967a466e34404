using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.Foresight;

/// <summary>
/// The default escalation chain as working time passes (issue 19): the criminal-record certificate (STP), received
/// Monday 2 March 2026 08:00, is due Monday 16 March 08:00; level 1 goes with the overdue warning to the holding
/// unit's leader, level 2 two working days later (Wednesday 18th 08:00) to the competent unit's leaders.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class EscalationTests(PlatformFixture platform) : IAsyncLifetime
{
    private readonly TimeTravel _travel = new(DeadlineWarningTests.Local(2026, 3, 2, 8));
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Deadlines:PollMilliseconds"] = "200" }, _travel.Clock);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Level_one_comes_with_the_overdue_warning_and_level_two_two_working_days_later_each_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await _host.ClientAsync("desk-esc", [Roles.DeskOfficer], "STP");
        var leader = await _host.ClientAsync("lead-esc", [Roles.Leader], "STP");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();

        await _travel.ToAsync(_host.ConnectionString, DeadlineWarningTests.Local(2026, 3, 16, 8, 1));
        await DeadlineWarningTests.Eventually(async () => (await Levels(leader, id)).Count == 1);
        Assert.Equal(1, (await ApologyTests.Read(leader, id)).GetProperty("escalationLevel").GetInt32());
        // In the commit of the dossier's overdue warning: the next version, the same instant.
        var entries = (await (await leader.GetAsync($"/api/v1/dossiers/{id}/history", ct)).ReadJsonAsync()).EnumerateArray().ToList();
        var missed = entries.FindIndex(e => e.GetProperty("type").GetString() == "DeadlineMissed" && e.GetProperty("data").GetProperty("scope").GetString() == "dossier");
        Assert.Equal("DossierEscalated", entries[missed + 1].GetProperty("type").GetString());
        Assert.Equal(entries[missed].GetProperty("at").GetDateTimeOffset(), entries[missed + 1].GetProperty("at").GetDateTimeOffset());
        Assert.Contains(await Notices(leader), n => n.GetProperty("dossierId").GetGuid() == id && n.GetProperty("kind").GetString() == "escalation");

        // Tuesday 17th: one working day overdue, still level 1.
        await _travel.ToAsync(_host.ConnectionString, DeadlineWarningTests.Local(2026, 3, 17, 8, 1));
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        Assert.Equal([1], await Levels(leader, id));

        await _travel.ToAsync(_host.ConnectionString, DeadlineWarningTests.Local(2026, 3, 18, 8, 1));
        await DeadlineWarningTests.Eventually(async () => (await Levels(leader, id)).Count == 2);
        Assert.Equal(2, (await ApologyTests.Read(leader, id)).GetProperty("escalationLevel").GetInt32());

        // The chain has two levels: nothing is left waiting, and nothing more comes.
        await _travel.ToAsync(_host.ConnectionString, DeadlineWarningTests.Local(2026, 3, 25, 8, 1));
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal([1, 2], await Levels(leader, id));
        Assert.Equal(0, await TimeTravel.ScheduledCountAsync(_host.ConnectionString, id));
    }

    private static async Task<List<int>> Levels(HttpClient client, Guid id) =>
        [.. (await (await client.GetAsync($"/api/v1/dossiers/{id}/history", TestContext.Current.CancellationToken)).ReadJsonAsync()).EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "DossierEscalated")
            .Select(e => e.GetProperty("data").GetProperty("level").GetInt32())];

    private static async Task<JsonElement[]> Notices(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/v1/notifications", TestContext.Current.CancellationToken)).ReadJsonAsync()).EnumerateArray()];
}
