using System.Diagnostics;
using System.Net;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.Statistics;

/// <summary>
/// The statistics endpoints on a host of their own (other tests' dossiers would move the counts): freshness,
/// the live stream, who may see what, bad input, and the rebuild.
/// </summary>
public sealed class StatisticsApiTests(PlatformFixture platform) : IAsyncLifetime
{
    private TestHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await TestHost.StartAsync(platform.Postgres);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_status_change_shows_in_the_statistics_within_two_seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await _host.ClientAsync("desk-fresh", [Roles.DeskOfficer], "STP");
        var leader = await _host.ClientAsync("lead-fresh", [Roles.Leader], "STP");
        var before = await Unit(leader, "STP");

        var intake = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var received = await Within2Seconds(leader, r => Direct(r) == Direct(before) + 1);
        Assert.Equal(InProgress(before) + 1, InProgress(received));

        var id = intake.GetProperty("id").GetString();
        await desk.PostOkAsync($"/api/v1/dossiers/{id}/withdraw", new { expectedVersion = intake.GetProperty("version").GetInt64(), reason = "Công dân rút hồ sơ" });
        var withdrawn = await Within2Seconds(leader, r => r.GetProperty("withdrawn").GetInt32() == before.GetProperty("withdrawn").GetInt32() + 1);
        Assert.Equal(InProgress(before), InProgress(withdrawn));
    }

    [Fact]
    public async Task The_stream_sends_the_report_at_once_and_again_soon_after_a_change()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await _host.ClientAsync("desk-sse", [Roles.DeskOfficer], "SXD");
        var leader = await _host.ClientAsync("lead-sse", [Roles.Leader], "SXD");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/statistics/stream");
        using var response = await leader.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(body);

        var first = await NextReport(reader, ct);
        var sxd = first.GetProperty("units")[0];
        Assert.Equal("SXD", sxd.GetProperty("unit").GetString());
        var direct = Direct(sxd);

        await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("XD-CCHN-01"));
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var next = (await NextReport(reader, ct)).GetProperty("units")[0];
            if (Direct(next) == direct + 1)
            {
                break;
            }
        }

        // The stream follows the projection (daemon polling 250 ms, a report every second): about a second on a quiet
        // host. The bound only catches a stream that waits for something else (the next minute, a reconnect): a timing
        // goal belongs in a benchmark, and the full suite's parallel hosts starve this one (2.9 s seen in CI).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the stream showed the intake after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Leaders_see_their_own_unit_administrators_every_unit_and_nobody_else_anything()
    {
        var ct = TestContext.Current.CancellationToken;
        var anonymous = _host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/statistics", ct)).StatusCode);
        foreach (var (subject, role, unit) in new[] { ("c", Roles.Citizen, (string?)null), ("d", Roles.DeskOfficer, "STP"), ("s", Roles.Specialist, "STP") })
        {
            var client = await _host.ClientAsync(subject, [role], unit, role == Roles.Citizen ? Api.NewCitizenId() : null);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/statistics", ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/statistics/watch-list", ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/statistics/export?format=csv", ct)).StatusCode);
        }

        var leader = await _host.ClientAsync("lead-own", [Roles.Leader], "STP");
        var own = await (await leader.GetAsync("/api/v1/statistics", ct)).ReadJsonAsync();
        Assert.Equal(["STP"], own.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetString()));
        var other = await leader.GetAsync("/api/v1/statistics?unit=STC", ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/v1/statistics/watch-list?unit=STC", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/api/v1/statistics/rebuild", ct)).StatusCode);

        var admin = await _host.ClientAsync("admin-all", [Roles.Admin]);
        var all = await (await admin.GetAsync("/api/v1/statistics", ct)).ReadJsonAsync();
        var units = all.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetString()).ToArray();
        var catalog = (await (await _host.Http.GetAsync("/api/v1/units", ct)).ReadJsonAsync()).EnumerateArray().Select(u => u.GetProperty("code").GetString());
        Assert.Superset(catalog.ToHashSet(), units.ToHashSet());
        var one = await (await admin.GetAsync("/api/v1/statistics?unit=STC", ct)).ReadJsonAsync();
        Assert.Equal(["STC"], one.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unit").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/statistics?from=2026-13-01", "from")]
    [InlineData("/api/v1/statistics?from=01/11/2026", "from")]
    [InlineData("/api/v1/statistics?to=yesterday", "to")]
    [InlineData("/api/v1/statistics?from=2026-11-20&to=2026-11-01", "from")]
    [InlineData("/api/v1/statistics?from=2024-01-01&to=2026-01-01", "to")]
    [InlineData("/api/v1/statistics?unit=stp%3Bdrop", "unit")]
    [InlineData("/api/v1/statistics/watch-list?kind=late", "kind")]
    [InlineData("/api/v1/statistics/watch-list?limit=0", "limit")]
    [InlineData("/api/v1/statistics/watch-list?limit=100000", "limit")]
    [InlineData("/api/v1/statistics/export?format=pdf", "format")]
    public async Task Bad_input_gets_a_problem_naming_the_field(string url, string field)
    {
        var admin = await _host.ClientAsync("admin-bad", [Roles.Admin]);
        var response = await admin.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}");
    }

    [Fact]
    public async Task A_rebuild_reports_its_progress_and_ends_with_the_same_figures()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await _host.ClientAsync("desk-rb", [Roles.DeskOfficer], "XA-PHUNHUAN");
        for (var i = 0; i < 5; i++)
        {
            await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TC-HKD-02"));
        }

        var admin = await _host.ClientAsync("admin-rb", [Roles.Admin]);
        await Caught(_host, admin);
        var before = await (await admin.GetAsync("/api/v1/statistics?unit=XA-PHUNHUAN", ct)).ReadJsonAsync();
        Assert.True(Direct(before.GetProperty("units")[0]) >= 5);

        var started = await admin.PostAsync("/api/v1/statistics/rebuild", null, ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var second = await admin.PostAsync("/api/v1/statistics/rebuild", null, ct);
        Assert.True(second.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Accepted, "a second start while running is refused");

        JsonElement progress = default;
        await DeadlineWarningTests.Eventually(async () =>
        {
            progress = await (await admin.GetAsync("/api/v1/statistics/rebuild", ct)).ReadJsonAsync();
            return !progress.GetProperty("running").GetBoolean();
        }, seconds: 60);
        Assert.True(progress.GetProperty("error").ValueKind == JsonValueKind.Null, progress.ToString());
        Assert.True(progress.GetProperty("total").GetInt64() >= 5);
        Assert.Equal(progress.GetProperty("total").GetInt64(), progress.GetProperty("processed").GetInt64());
        Assert.Equal("done", progress.GetProperty("phase").GetString());

        await Caught(_host, admin);
        var after = await (await admin.GetAsync("/api/v1/statistics?unit=XA-PHUNHUAN", ct)).ReadJsonAsync();
        Assert.Equal(Figures(before), Figures(after));

        // The daemon was paused for the rebuild: it must count what comes after it again.
        await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TC-HKD-02"));
        await DeadlineWarningTests.Eventually(async () =>
            Direct((await (await admin.GetAsync("/api/v1/statistics?unit=XA-PHUNHUAN", ct)).ReadJsonAsync()).GetProperty("units")[0])
                > Direct(after.GetProperty("units")[0]), seconds: 30);
    }

    internal static int Direct(JsonElement unit) => unit.GetProperty("received").GetProperty("direct").GetInt32();

    internal static int InProgress(JsonElement unit) => unit.GetProperty("inProgress").GetProperty("withinDeadline").GetInt32() + unit.GetProperty("inProgress").GetProperty("overdue").GetInt32();

    /// <summary>Waits until the projection has counted every event stored so far.</summary>
    internal static async Task Caught(TestHost host, HttpClient admin, int seconds = 60)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Npgsql.NpgsqlDataSource.Create(host.ConnectionString);
        await using var max = db.CreateCommand("SELECT coalesce(max(seq_id), 0) FROM egov.mt_events");
        var stored = (long)(await max.ExecuteScalarAsync(ct))!;
        await DeadlineWarningTests.Eventually(async () =>
        {
            var report = await (await admin.GetAsync("/api/v1/statistics", ct)).ReadJsonAsync();
            return report.GetProperty("projectedThroughSequence").GetInt64() >= stored;
        }, seconds);
    }

    private static string Figures(JsonElement report)
    {
        var u = report.GetProperty("units")[0];
        return string.Join("|", "received", "resolved", "inProgress", "supplementRequested", "refused", "withdrawn", "stopped", "previous", "procedures")
            .Split('|').Select(p => u.GetProperty(p).GetRawText()).Aggregate((a, b) => a + b);
    }

    private async Task<JsonElement> Unit(HttpClient leader, string unit)
    {
        var report = await (await leader.GetAsync($"/api/v1/statistics?unit={unit}", TestContext.Current.CancellationToken)).ReadJsonAsync();
        return report.GetProperty("units")[0];
    }

    private async Task<JsonElement> Within2Seconds(HttpClient leader, Func<JsonElement, bool> changed)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var unit = await Unit(leader, "STP");
            if (changed(unit))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the change showed after {clock.ElapsedMilliseconds} ms");
                return unit;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), "the change did not show within 2 s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    internal static async Task<JsonElement> NextReport(StreamReader reader, CancellationToken ct)
    {
        string? eventName = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "statistics")
            {
                return JsonDocument.Parse(line[6..]).RootElement.Clone();
            }
        }

        throw new InvalidOperationException("The stream ended.");
    }
}
