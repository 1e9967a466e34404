using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.MultiNode;

/// <summary>
/// Issue 16 point 7: each node keeps the public views it served in memory; a change committed through another node
/// reaches it within a second (the read model's trigger notifies every listening node at commit).
/// </summary>
public sealed class LookupFreshnessTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_change_committed_through_node_A_is_seen_by_node_B_lookup_within_a_second()
    {
        await using var a = await TestHost.StartAsync(platform.Postgres);
        await using var b = await Nodes.JoinAsync(platform.Postgres, a);
        await a.WaitLiveAsync();
        await b.WaitLiveAsync();
        var deskA = await a.ClientAsync("desk-fresh", [Roles.DeskOfficer], "STP");
        var specialistA = await a.ClientAsync("spec-fresh", [Roles.Specialist], "STP");
        var leaderA = await a.ClientAsync("lead-fresh", [Roles.Leader], "STP");
        var d = await deskA.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();
        var code = d.GetProperty("code").GetString()!;
        var onB = b.CreateClient();

        // B holds the answer in memory: asking again reads nothing, so only the feed can make it change.
        var status = await b.SettledStatusAsync(onB, code);
        var loads = b.Cache().Loads;
        Assert.Equal(status, await onB.StatusAsync(code));
        Assert.Equal(loads, b.Cache().Loads);

        foreach (var (client, action) in new[] { (specialistA, "complete-step"), (leaderA, "approve") })
        {
            d = await client.PostOkAsync($"/api/v1/dossiers/{id}/{action}", new { expectedVersion = d.GetProperty("version").GetInt64() });
            var changed = d.GetProperty("status").GetString()!;
            Assert.NotEqual(status, changed);
            Assert.Equal(changed, await Polls.UntilAsync(() => onB.StatusAsync(code), changed));
            status = changed;
        }
    }
}
