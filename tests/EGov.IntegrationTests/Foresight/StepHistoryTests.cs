using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.Foresight;

/// <summary>
/// The async projection writes one <c>egov.step_durations</c> row per ended step, with the step and unit it ended in
/// (an approval names neither: they come from the state before it) and the office time the event recorded.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class StepHistoryTests(PlatformFixture platform)
{
    [Fact]
    public async Task Each_ended_step_becomes_one_row_with_its_step_unit_and_office_time()
    {
        var travel = new TimeTravel(ForesightSupport.Start);
        await using var host = await TestHost.StartAsync(platform.Postgres, ForesightSupport.Manual(), travel.Clock);
        var desk = await host.ClientAsync("sh-desk", [Roles.DeskOfficer], "STP");
        var spec = await host.ClientAsync("sh-spec", [Roles.Specialist], "STP");
        var leader = await host.ClientAsync("sh-lead", [Roles.Leader], "STP");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        await travel.ToAsync(host.ConnectionString, DeadlineWarningTests.Local(2027, 3, 2, 8)); // one working day on "verify"
        await spec.PostOkAsync($"/api/v1/dossiers/{id}/claim", new { });
        await spec.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        await leader.PostOkAsync($"/api/v1/dossiers/{id}/claim", new { });
        await leader.PostOkAsync($"/api/v1/dossiers/{id}/approve", new { });

        await DeadlineWarningTests.Eventually(async () =>
            await Database.CountAsync(host.ConnectionString, $"SELECT count(*) FROM egov.step_durations WHERE dossier_id = '{id}'") == 2);
        Assert.Equal(1, await Database.CountAsync(host.ConnectionString,
            $"SELECT count(*) FROM egov.step_durations WHERE dossier_id = '{id}' AND step_id = 'verify' AND unit = 'STP' AND procedure_code = 'TP-LLTP-01' AND office_seconds BETWEEN 4 * 3600 AND 9 * 3600"));
        Assert.Equal(1, await Database.CountAsync(host.ConnectionString,
            $"SELECT count(*) FROM egov.step_durations WHERE dossier_id = '{id}' AND step_id = 'sign' AND unit = 'STP' AND office_seconds < 3600"));
    }
}
