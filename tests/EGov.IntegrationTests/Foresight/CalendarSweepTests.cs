using System.Net.Http.Json;
using EGov.Dossiers.Sweeps;
using EGov.IntegrationTests.Infrastructure;
using EGov.IntegrationTests.MultiNode;
using EGov.Kernel;

namespace EGov.IntegrationTests.Foresight;

/// <summary>
/// A calendar change asks for a full sweep durably: a node whose sweep is off takes the change, and the other node's
/// sweep, long before its interval is up, runs the full sweep and re-writes every row on the new due instants.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class CalendarSweepTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_calendar_changed_on_a_node_without_the_sweep_makes_the_other_node_sweep_everything_at_its_next_turn()
    {
        var travel = new TimeTravel(ForesightSupport.Start);
        await using var a = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Foresight:Enabled"] = "false" }, travel.Clock);
        await using var b = await Nodes.JoinAsync(platform.Postgres, a, new Dictionary<string, string?>
        {
            ["Foresight:ChangeScanInterval"] = "00:00:00.500",
            ["Foresight:SweepInterval"] = "01:00:00",
        }, travel.Clock);
        var desk = await a.ClientAsync("cal-desk", [Roles.DeskOfficer], "STP");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();

        // B's first turn is a full sweep (none has run); then only change scans until the interval or a request.
        await DeadlineWarningTests.Eventually(async () => (await ForesightSupport.RowsAsync(a.ConnectionString)).ContainsKey(id));
        var fullBefore = FullSweeps(b);
        Assert.Equal(0, FullSweeps(a));

        // The rest of the first week becomes holidays: the dossier's due instant moves four working days later.
        var dueBefore = (await ForesightSupport.RowsAsync(a.ConnectionString))[id].DueAt;
        string[] holidays = ["2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05"];
        var admin = await a.ClientAsync("cal-admin", [Roles.Admin]);
        (await admin.PutAsJsonAsync("/api/v1/calendar/2027", new { holidays, workingDays = Array.Empty<string>() }, TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode();

        await DeadlineWarningTests.Eventually(async () =>
            FullSweeps(b) > fullBefore && (await ForesightSupport.RowsAsync(a.ConnectionString))[id].DueAt > dueBefore, seconds: 30);
        Assert.Equal(0, FullSweeps(a));
        Assert.Equal(1, await Database.CountAsync(a.ConnectionString, $"SELECT count(*) FROM {RiskSweepState.QualifiedName} WHERE name = 'requested'"));
    }

    private static int FullSweeps(TestHost host) => host.Logs.Lines.Count(l => l.Contains("Risk sweep (full)", StringComparison.Ordinal));
}
