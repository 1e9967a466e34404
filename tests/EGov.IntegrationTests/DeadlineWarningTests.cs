using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Dossiers.Lifecycle;
using EGov.Kernel;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace EGov.IntegrationTests;

/// <summary>
/// Deadline warnings end to end on a platform whose clock the test moves: real scheduled Wolverine messages in
/// PostgreSQL, the real poller, the real handler and grain. The criminal-record certificate (STP) has 10 working
/// days; its first step ("verify", specialist) 7. Received Monday 2 March 2026 08:00 (no holiday in March 2026):
/// step due Wed 11 March 08:00 (soon: Tue 10th), dossier due Mon 16 March 08:00 (soon: Fri 13th).
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class DeadlineWarningTests(PlatformFixture platform) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));
    private readonly TimeTravel _travel = new(Start);
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Deadlines:PollMilliseconds"] = "200", ["Calendar:SaturdayUnits:0"] = "XA-TANDINH" }, _travel.Clock);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Step_and_dossier_warnings_fire_at_their_instants_an_extension_retires_the_old_alarm_and_overdue_shows_everywhere()
    {
        var desk = await _host.ClientAsync("desk-dl", [Roles.DeskOfficer], "STP");
        var specialist = await _host.ClientAsync("spec-dl", [Roles.Specialist], "STP");
        var leader = await _host.ClientAsync("lead-dl", [Roles.Leader], "STP");
        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();
        var code = d.GetProperty("code").GetString()!;
        AssertAbout(Local(2026, 3, 16, 8), d.GetProperty("dueAt").GetDateTimeOffset()); // the test clock runs on in real time
        // One alarm per deadline: the due-soon of the dossier's and of the step's; each overdue one is scheduled by the
        // commit that records its due-soon warning.
        Assert.Equal(2, await TimeTravel.ScheduledCountAsync(_host.ConnectionString, id));

        // Tuesday 10th: the step is due soon; the dossier is not.
        await _travel.ToAsync(_host.ConnectionString, Local(2026, 3, 10, 8, 1));
        await Eventually(async () => (await Warnings(desk, id)).Contains(("DeadlineNeared", "verify")));
        Assert.DoesNotContain(("DeadlineNeared", "dossier"), await Warnings(desk, id));
        Assert.Contains(await Notices(specialist), n => n.GetProperty("dossierId").GetGuid() == id && n.GetProperty("kind").GetString() == "due-soon");

        // Wednesday 11th: the step is overdue; its leader is told; the dossier itself is still on time.
        await _travel.ToAsync(_host.ConnectionString, Local(2026, 3, 11, 8, 1));
        await Eventually(async () => (await Warnings(desk, id)).Contains(("DeadlineMissed", "verify")));
        Assert.False((await Read(desk, id)).GetProperty("overdue").GetBoolean());
        Assert.Contains(await Notices(leader), n => n.GetProperty("dossierId").GetGuid() == id && n.GetProperty("kind").GetString() == "overdue");
        Assert.DoesNotContain(await Notices(specialist), n => n.GetProperty("kind").GetString() == "overdue");

        // Friday 13th: the dossier is due soon; the unit extends (form 04) to Thursday 19th.
        await _travel.ToAsync(_host.ConnectionString, Local(2026, 3, 13, 8, 1));
        await Eventually(async () => (await Read(desk, id)).GetProperty("dueSoon").GetBoolean());
        d = await leader.PostOkAsync($"/api/v1/dossiers/{id}/extend", new { reason = "Chờ kết quả xác minh của công an", workingDays = 3 });
        AssertAbout(Local(2026, 3, 19, 8), d.GetProperty("dueAt").GetDateTimeOffset());
        Assert.False(d.GetProperty("dueSoon").GetBoolean());

        // Monday 16th, the old appointment: its alarm fires and finds the deadline gone.
        await _travel.ToAsync(_host.ConnectionString, Local(2026, 3, 16, 8, 1));
        await Eventually(async () => await TimeTravel.ScheduledCountAsync(_host.ConnectionString, id) == 1); // only the new appointment's due-soon alarm waits
        Assert.False((await Read(desk, id)).GetProperty("overdue").GetBoolean());
        Assert.DoesNotContain(("DeadlineMissed", "dossier"), await Warnings(desk, id));

        // Wednesday 18th: due soon again, for the new appointment.
        await _travel.ToAsync(_host.ConnectionString, Local(2026, 3, 18, 8, 1));
        await Eventually(async () => (await Warnings(desk, id)).Count(w => w == ("DeadlineNeared", "dossier")) == 2);

        // Thursday 19th, the new appointment: overdue in the dossier, the work list and the public lookup.
        await _travel.ToAsync(_host.ConnectionString, Local(2026, 3, 19, 8, 1));
        await Eventually(async () => (await Warnings(desk, id)).Contains(("DeadlineMissed", "dossier")));
        Assert.True((await Read(desk, id)).GetProperty("overdue").GetBoolean());
        var list = await (await leader.GetAsync("/api/v1/dossiers?overdue=true&pageSize=200", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), x => x.GetProperty("id").GetGuid() == id);
        var lookup = await (await _host.CreateClient().GetAsync($"/api/v1/public/dossiers/{code}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.True(lookup.GetProperty("overdue").GetBoolean());

        var warnings = await Warnings(desk, id);
        Assert.Equal(
            [("DeadlineNeared", "verify"), ("DeadlineMissed", "verify"), ("DeadlineNeared", "dossier"), ("DeadlineNeared", "dossier"), ("DeadlineMissed", "dossier")],
            warnings);
        var history = await (await desk.GetAsync($"/api/v1/dossiers/{id}/history", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var missed = history.EnumerateArray().Last(e => e.GetProperty("type").GetString() == "DeadlineMissed");
        Assert.Equal("system", missed.GetProperty("actor").GetString());
        Assert.Contains("Quá hạn", missed.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alarms_the_old_planner_stored_raise_each_warning_once_and_schedule_nothing_more()
    {
        // A dossier received before issue 16: both warnings of both deadlines were stored at once, unmarked.
        var desk = await _host.ClientAsync("desk-legacy", [Roles.DeskOfficer], "STP");
        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();
        var due = d.GetProperty("dueAt").GetDateTimeOffset();
        var stepDue = d.GetProperty("currentStep").GetProperty("dueAt").GetDateTimeOffset();
        await using (var connection = new Npgsql.NpgsqlConnection(_host.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var delete = new Npgsql.NpgsqlCommand(
                "delete from wolverine.wolverine_incoming_envelopes where status = 'Scheduled' and position(convert_to(@id, 'UTF8') in body) > 0", connection);
            delete.Parameters.AddWithValue("id", id.ToString());
            Assert.Equal(2, await delete.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        var rules = _host.Services.GetRequiredService<EGov.Dossiers.Deadlines.CalendarDeadlines>().ForUnit("STP");
        var runtime = _host.Services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>();
        var bus = new Wolverine.Runtime.MessageContext(runtime);
        foreach (var (scope, at) in new[] { ("dossier", due), ("verify", stepDue) })
        {
            foreach (var (kind, fireAt) in new[] { (AlarmKind.DueSoon, rules.DueSoonAt(at)), (AlarmKind.Overdue, at) })
            {
                await bus.ScheduleAsync(new EGov.Dossiers.Deadlines.DeadlineAlarm(id, kind, scope, at, fireAt), fireAt - _travel.Now);
            }
        }

        await bus.FlushOutgoingMessagesAsync();

        await Eventually(async () => await TimeTravel.ScheduledCountAsync(_host.ConnectionString, id) == 4);

        // Tuesday 10th: the step's due-soon alarm raises its warning; its overdue alarm is waiting already, so none is added.
        await _travel.ToAsync(_host.ConnectionString, Local(2026, 3, 10, 8, 1));
        await Eventually(async () => (await Warnings(desk, id)).Contains(("DeadlineNeared", "verify")));
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(3, await TimeTravel.ScheduledCountAsync(_host.ConnectionString, id));

        // Thursday 19th: every deadline has passed; each warning once, nothing left waiting.
        await _travel.ToAsync(_host.ConnectionString, Local(2026, 3, 19, 8, 1));
        await Eventually(async () => (await Warnings(desk, id)).Count == 4);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.Equal(
            new[] { ("DeadlineNeared", "verify"), ("DeadlineMissed", "verify"), ("DeadlineNeared", "dossier"), ("DeadlineMissed", "dossier") }.Order(),
            (await Warnings(desk, id)).Order());
        Assert.Equal(0, await TimeTravel.ScheduledCountAsync(_host.ConnectionString, id));
    }

    [Fact]
    public async Task A_supplement_request_stops_the_clock_and_silences_the_alarms_until_the_supplement_sets_new_ones()
    {
        var desk = await _host.ClientAsync("desk-dl2", [Roles.DeskOfficer], "STP");
        var specialist = await _host.ClientAsync("spec-dl2", [Roles.Specialist], "STP");
        var id = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid();
        var received = _travel.Now;

        // One working day later the specialist asks for a document; the applicant brings it 20 calendar days later.
        await _travel.ToAsync(_host.ConnectionString, received.AddDays(1));
        await specialist.PostOkAsync($"/api/v1/dossiers/{id}/request-supplement", new { reason = "Thiếu bản sao hộ khẩu" });
        await _travel.ToAsync(_host.ConnectionString, received.AddDays(21));
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken); // every old alarm has fired by now
        Assert.Empty(await Warnings(desk, id));

        var d = await desk.PostOkAsync($"/api/v1/dossiers/{id}/supplement", new { documentIds = new[] { Guid.NewGuid() } });
        var due = d.GetProperty("dueAt").GetDateTimeOffset();
        Assert.True(due > _travel.Now.AddDays(7), $"9 working days were left; the new due instant {due:O} is too early");
        await _travel.ToAsync(_host.ConnectionString, due.AddMinutes(1));
        await Eventually(async () => (await Warnings(desk, id)).Contains(("DeadlineMissed", "dossier")));
    }

    [Fact]
    public async Task Declaring_new_holidays_moves_the_open_dossiers_deadlines_and_their_alarms()
    {
        var desk = await _host.ClientAsync("desk-dl3", [Roles.DeskOfficer], "STP");
        var admin = await _host.ClientAsync("admin-dl3", [Roles.Admin]);
        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();
        AssertAbout(Local(2026, 3, 16, 8), d.GetProperty("dueAt").GetDateTimeOffset());

        // Thursday 5 and Friday 6 March become holidays: two working days more for every clock running across them.
        var official = await (await admin.GetAsync("/api/v1/calendar/2026", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var holidays = official.GetProperty("holidays").EnumerateArray().Select(h => h.GetString()!).Concat(["2026-03-05", "2026-03-06"]).ToArray();
        var workingDays = official.GetProperty("workingDays").EnumerateArray().Select(h => h.GetString()!).ToArray();
        var put = await admin.PutAsJsonAsync("/api/v1/calendar/2026", new { holidays, workingDays }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await Eventually(async () => (await Read(desk, id)).GetProperty("dueAt").GetDateTimeOffset() > Local(2026, 3, 17, 0));
        d = await Read(desk, id);
        AssertAbout(Local(2026, 3, 18, 8), d.GetProperty("dueAt").GetDateTimeOffset());
        AssertAbout(Local(2026, 3, 13, 8), d.GetProperty("currentStep").GetProperty("dueAt").GetDateTimeOffset());
        var history = await (await desk.GetAsync($"/api/v1/dossiers/{id}/history", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var recomputed = history.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "DeadlinesRecomputed");
        Assert.Equal("admin-dl3", recomputed.GetProperty("actor").GetString());

        // The old appointment passes quietly; the new one raises the overdue warning.
        await _travel.ToAsync(_host.ConnectionString, Local(2026, 3, 16, 8, 1));
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(("DeadlineMissed", "dossier"), await Warnings(desk, id));
        await _travel.ToAsync(_host.ConnectionString, Local(2026, 3, 18, 8, 1));
        await Eventually(async () => (await Warnings(desk, id)).Contains(("DeadlineMissed", "dossier")));
    }

    [Fact]
    public async Task A_unit_that_works_on_Saturdays_counts_them_in_its_dossiers_deadlines()
    {
        var commune = await _host.ClientAsync("desk-sat", [Roles.DeskOfficer], "XA-TANDINH");
        var department = await _host.ClientAsync("desk-weekday", [Roles.DeskOfficer], "STP");

        // Marriage registration at the commune: 5 working days from Monday 08:00 ends on Saturday with Saturdays counted.
        var marriage = await commune.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-HT-KH-01"));
        AssertAbout(Local(2026, 3, 7, 8), marriage.GetProperty("dueAt").GetDateTimeOffset());

        // The department does not work on Saturdays: its 10 working days end on Monday the 16th.
        var certificate = await department.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        AssertAbout(Local(2026, 3, 16, 8), certificate.GetProperty("dueAt").GetDateTimeOffset());

        var due = await (await _host.CreateClient().GetAsync($"/api/v1/calendar/due?start={Uri.EscapeDataString("2026-03-06T16:00:00+07:00")}&workingDays=1&unit=XA-TANDINH", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal(Local(2026, 3, 7, 16), due.GetProperty("due").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_work_list_answers_which_dossiers_of_a_unit_fall_due_between_two_instants()
    {
        var desk = await _host.ClientAsync("desk-window", [Roles.DeskOfficer], "STP");
        var leader = await _host.ClientAsync("lead-window", [Roles.Leader], "STP");
        var first = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid(); // due Mon 16th
        await _travel.ToAsync(_host.ConnectionString, Local(2026, 3, 3, 8));
        var second = (await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"))).GetProperty("id").GetGuid(); // due Tue 17th

        async Task<Guid[]> Window(string from, string to) =>
            [.. (await (await leader.GetAsync($"/api/v1/dossiers?unit=STP&dueFrom={Uri.EscapeDataString(from)}&dueTo={Uri.EscapeDataString(to)}", TestContext.Current.CancellationToken)).ReadJsonAsync())
                .GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid())];

        Assert.Equal([first], await Window("2026-03-16T00:00:00+07:00", "2026-03-17T00:00:00+07:00"));
        Assert.Equal([second], await Window("2026-03-17T00:00:00+07:00", "2026-03-18T00:00:00+07:00"));
        Assert.Equal([first, second], await Window("2026-03-16T00:00:00+07:00", "2026-03-18T00:00:00+07:00"));
        Assert.Empty(await Window("2026-03-18T00:00:00+07:00", "2026-03-19T00:00:00+07:00"));
    }

    private static void AssertAbout(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.True(actual >= expected && actual < expected.AddSeconds(30), $"expected about {expected:O}, got {actual:O}");

    internal static DateTimeOffset Local(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.FromHours(7));

    private static async Task<JsonElement> Read(HttpClient client, Guid id) =>
        await (await client.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken)).ReadJsonAsync();

    internal static async Task<List<(string Type, string Scope)>> Warnings(HttpClient client, Guid id)
    {
        var history = await (await client.GetAsync($"/api/v1/dossiers/{id}/history", TestContext.Current.CancellationToken)).ReadJsonAsync();
        return history.EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() is "DeadlineNeared" or "DeadlineMissed")
            .Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("data").GetProperty("scope").GetString()!))
            .ToList();
    }

    private static async Task<JsonElement[]> Notices(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/notifications", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadJsonAsync()).EnumerateArray()];
    }

    internal static async Task Eventually(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met within {seconds} s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

/// <summary>Hosts whose clock a test moves run one at a time: their scheduled messages fire by the database's clock.</summary>
[CollectionDefinition(nameof(TimeTravelCollection), DisableParallelization = true)]
public sealed class TimeTravelCollection;
