using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Npgsql;

namespace EGov.IntegrationTests;

/// <summary>
/// Alarms live in PostgreSQL, not in a process: a host that stops loses none, and a new one fires each exactly once.
/// Only each deadline's first alarm is stored before the stop; the late due-soon warnings schedule the overdue ones.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class DeadlineRestartTests(PlatformFixture platform)
{
    private static readonly (string Type, string Scope)[] EveryWarning =
        [("DeadlineNeared", "dossier"), ("DeadlineNeared", "verify"), ("DeadlineMissed", "dossier"), ("DeadlineMissed", "verify")];

    [Fact]
    public async Task Deadlines_scheduled_before_a_restart_all_fire_after_it_exactly_once()
    {
        var travel = new TimeTravel(DeadlineWarningTests.Local(2026, 3, 2, 8));
        var settings = new Dictionary<string, string?> { ["Deadlines:PollMilliseconds"] = "200" };
        var first = await TestHost.StartAsync(platform.Postgres, settings, travel.Clock);
        var connectionString = first.ConnectionString;
        var desk = await first.ClientAsync("desk-restart", [Roles.DeskOfficer], "STP");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid());
        }

        foreach (var id in ids)
        {
            Assert.Equal(2, await TimeTravel.ScheduledCountAsync(connectionString, id)); // the first warning of each deadline
        }

        await first.DisposeAsync();

        // Every deadline of those dossiers passes while no host runs.
        await travel.ToAsync(connectionString, DeadlineWarningTests.Local(2026, 3, 19, 8));
        settings["ConnectionStrings:egov"] = connectionString;
        await using var second = await TestHost.StartAsync(platform.Postgres, settings, travel.Clock);
        var reader = await second.ClientAsync("desk-restart", [Roles.DeskOfficer], "STP");

        foreach (var id in ids)
        {
            await DeadlineWarningTests.Eventually(async () => (await DeadlineWarningTests.Warnings(reader, id)).Count == EveryWarning.Length, seconds: 30);
        }

        // Give a duplicate delivery every chance to show itself, then count.
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        foreach (var id in ids)
        {
            Assert.Equal(EveryWarning.Order(), (await DeadlineWarningTests.Warnings(reader, id)).Order());
            Assert.Equal(0, await TimeTravel.ScheduledCountAsync(connectionString, id));
        }

        // Due soon ×2 to the unit, overdue ×2 to its leader, and (issue 19) escalation levels 1 and 2 to its leader.
        Assert.Equal(ids.Count * 6, await NotificationCount(connectionString));
    }

    private static async Task<long> NotificationCount(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from egov.mt_doc_notification", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
