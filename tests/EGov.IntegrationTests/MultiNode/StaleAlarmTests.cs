using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.MultiNode;

/// <summary>
/// Issue 15, the lost alarm: an alarm handled on a node whose copy of the dossier is stale must be judged on the
/// stored dossier, not dropped as "deadline changed". TP-LLTP-01: verify 7 working days, sign 3, dossier 10.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class StaleAlarmTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_step_alarm_set_through_another_node_fires_on_a_node_whose_copy_predates_the_step()
    {
        var travel = new TimeTravel(DeadlineWarningTests.Local(2026, 3, 2, 8));
        var settings = new Dictionary<string, string?> { ["Deadlines:PollMilliseconds"] = "200" };
        await using var a = await TestHost.StartAsync(platform.Postgres, settings, travel.Clock);
        var desk = await a.ClientAsync("desk-lost", [Roles.DeskOfficer], "STP");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();

        // Monday 16th: every alarm of the intake fires on A (the only node), so A's copy is current and none waits.
        await travel.ToAsync(a.ConnectionString, DeadlineWarningTests.Local(2026, 3, 16, 8, 1));
        await DeadlineWarningTests.Eventually(async () => (await DeadlineWarningTests.Warnings(desk, id)).Count == 4, seconds: 30);
        // The dossier is overdue since 08:00: what still waits is its second escalation level, two working days on
        // (Wednesday 18th; issue 19), and nothing else.
        await DeadlineWarningTests.Eventually(async () => await TimeTravel.ScheduledCountAsync(a.ConnectionString, id) == 1);

        // Node B takes the verify step: the sign step (3 working days, due Thursday 19th) gets its alarm (one pending
        // per deadline: the due-soon warning, which schedules the overdue one when it is raised; issue 16). Then B
        // goes away, so A — still holding the dossier at the verify step — is the node that handles its alarms.
        await using (var b = await Nodes.JoinAsync(platform.Postgres, a, settings, travel.Clock))
        {
            var specialist = await b.ClientAsync("spec-lost", [Roles.Specialist], "STP");
            await specialist.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        }

        Assert.Equal(2, await TimeTravel.ScheduledCountAsync(a.ConnectionString, id));
        await travel.ToAsync(a.ConnectionString, DeadlineWarningTests.Local(2026, 3, 19, 8, 5));
        await DeadlineWarningTests.Eventually(async () => await TimeTravel.ScheduledCountAsync(a.ConnectionString, id) == 0, seconds: 30);
        await DeadlineWarningTests.Eventually(async () => (await DeadlineWarningTests.Warnings(desk, id)).Contains(("DeadlineMissed", "sign")), seconds: 10);
        var warnings = await DeadlineWarningTests.Warnings(desk, id);
        Assert.Contains(("DeadlineNeared", "sign"), warnings);
        Assert.Single(warnings, w => w == ("DeadlineMissed", "sign"));
    }
}
