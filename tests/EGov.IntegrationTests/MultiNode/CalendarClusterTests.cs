using System.Net.Http.Json;
using EGov.Dossiers.Deadlines;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace EGov.IntegrationTests.MultiNode;

/// <summary>
/// Issue 15: a calendar year replaced on one node governs every node within seconds, and a grain re-lays its deadlines
/// on the year that was stored even on a node that has not read it yet. 2027 has no official data (plain weeks);
/// the administrator declares Wednesday 3 and Thursday 4 March 2027 days off.
/// </summary>
public sealed class CalendarClusterTests(PlatformFixture platform)
{
    private static readonly object NewYear = new { holidays = new[] { "2027-03-03", "2027-03-04" }, workingDays = Array.Empty<string>() };
    private static readonly DateOnly[] NewHolidays = [new(2027, 3, 3), new(2027, 3, 4)];

    [Fact]
    public async Task A_year_put_on_one_node_gives_the_same_due_instants_on_the_other_within_seconds()
    {
        await using var a = await TestHost.StartAsync(platform.Postgres);
        await using var b = await Nodes.JoinAsync(platform.Postgres, a);
        const string query = "/api/v1/calendar/due?start=2027-03-02T08:00:00%2B07:00&workingDays=2";
        var before = await Due(b, query);

        var admin = await a.ClientAsync("admin-cal", [Roles.Admin]);
        (await admin.PutAsJsonAsync("/api/v1/calendar/2027", NewYear, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var onA = await Due(a, query);
        Assert.NotEqual(before, onA);

        await DeadlineWarningTests.Eventually(async () => await Due(b, query) == onA, seconds: 10);
        var year = await (await b.Http.GetAsync("/api/v1/calendar/2027", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(["2027-03-03", "2027-03-04"], year.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task A_grain_on_a_node_that_has_not_polled_re_lays_its_deadline_on_the_stored_year()
    {
        // Both nodes on the same business clock: Monday 1 March 2027, 08:00. B never polls the store.
        var travel = new TimeTravel(DeadlineWarningTests.Local(2027, 3, 1, 8));
        await using var a = await TestHost.StartAsync(platform.Postgres, clock: travel.Clock);
        await using var b = await Nodes.JoinAsync(platform.Postgres, a, new Dictionary<string, string?> { ["Calendar:RefreshSeconds"] = "0" }, travel.Clock);

        var admin = await a.ClientAsync("admin-cal", [Roles.Admin]);
        (await admin.PutAsJsonAsync("/api/v1/calendar/2027", NewYear, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await DeadlineWarningTests.Eventually(() => Task.FromResult(a.Logs.Lines.Any(l => l.Contains("Calendar 2027 changed", StringComparison.Ordinal))));

        // B still lays a new dossier on the calendar it started with; then the change reaches B (Wolverine delivers
        // it to whichever node is free), and B's grain re-lays the dossier exactly as A would.
        var desk = await b.ClientAsync("desk-cal", [Roles.DeskOfficer], "STP");
        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();
        var received = d.GetProperty("receivedAt").GetDateTimeOffset();
        var start = Uri.EscapeDataString(received.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var expected = await Due(a, $"/api/v1/calendar/due?start={start}&workingDays=10");
        Assert.NotEqual(expected, d.GetProperty("dueAt").GetDateTimeOffset());

        using (var scope = b.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(
                new CalendarChanged(2027, [], [], "admin-cal", NewHolidays, []), TestContext.Current.CancellationToken);
        }

        var relaid = await (await desk.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(expected, relaid.GetProperty("dueAt").GetDateTimeOffset());

        // And B's own calculator now answers as A's does.
        Assert.Equal(expected, await Due(b, $"/api/v1/calendar/due?start={start}&workingDays=10"));
    }

    private static async Task<DateTimeOffset> Due(TestHost host, string query) =>
        (await (await host.Http.GetAsync(query, TestContext.Current.CancellationToken)).ReadJsonAsync()).GetProperty("due").GetDateTimeOffset();
}
