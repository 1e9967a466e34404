using System.Globalization;
using System.Net;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// <c>/metrics</c> scraped over real HTTP from a real host: the business counters move with a real intake and a real
/// deadline alarm (the scheduled Wolverine message, its poller and the grain), the stock gauges follow the statistics
/// projection, and the access rule lets loopback or an administrator in and nobody else.
/// </summary>
[Collection(nameof(TimeTravelCollection))]
public sealed class MetricsTests(PlatformFixture platform)
{
    // Received Monday 2 March 2026 08:00 (STP, 10 working days; its first step 7): the step is due soon on Tuesday 10th,
    // the dossier on Friday 13th.
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task An_intake_and_an_alarm_move_the_business_counters_and_the_stock_gauges_follow()
    {
        var travel = new TimeTravel(Start);
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
        {
            ["Deadlines:PollMilliseconds"] = "200",
            ["Metrics:StockRefreshSeconds"] = "0.5",
        }, travel.Clock);
        var desk = await host.ClientAsync("desk-metrics", [Roles.DeskOfficer], "STP");
        var received = Series(await Scrape(host.Http), "egov_dossiers_received_total", "procedure=\"TP-LLTP-01\"", "channel=\"Desk\"", "unit=\"STP\"");
        var fired = Series(await Scrape(host.Http), "egov_alarms_fired_total", "kind=\"due-soon\"", "scope=\"step\"", "unit=\"STP\"");

        var d = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = d.GetProperty("id").GetGuid();

        // The exporter caches a scrape for a moment; other hosts of the test run may take in dossiers too (at least one more).
        await DeadlineWarningTests.Eventually(async () =>
            Series(await Scrape(host.Http), "egov_dossiers_received_total", "procedure=\"TP-LLTP-01\"", "channel=\"Desk\"", "unit=\"STP\"") >= received + 1);
        var text = await Scrape(host.Http);
        Assert.True(text.Contains("# TYPE dotnet_gc_", StringComparison.Ordinal) || text.Contains("# TYPE process_runtime_dotnet_gc_", StringComparison.Ordinal),
            "the runtime's own meters beside ours:\n" + string.Join('\n', text.Split('\n').Where(l => l.StartsWith("# TYPE", StringComparison.Ordinal))));
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(d.GetProperty("code").GetString()!, text, StringComparison.Ordinal);

        // The projection counts it, the refresher reads the month counters: the unit's open stock includes it.
        await Until(host, t => Series(t, "egov_dossiers_open", "unit=\"STP\"") >= 1);
        Assert.InRange(Series(await Scrape(host.Http), "egov_dossiers_stock_age_seconds"), 0, 10);

        // Tuesday 10th, a minute after the step's due-soon instant: the alarm fires about 60 s late by the platform's clock.
        await travel.ToAsync(host.ConnectionString, new DateTimeOffset(2026, 3, 10, 8, 1, 0, TimeSpan.FromHours(7)));
        await DeadlineWarningTests.Eventually(async () => (await DeadlineWarningTests.Warnings(desk, id)).Contains(("DeadlineNeared", "verify")));
        await DeadlineWarningTests.Eventually(async () =>
            Series(await Scrape(host.Http), "egov_alarms_fired_total", "kind=\"due-soon\"", "scope=\"step\"", "unit=\"STP\"") >= fired + 1);
        text = await Scrape(host.Http);
        Assert.True(Series(text, "egov_alarm_lateness_seconds_count", "kind=\"due-soon\"", "scope=\"step\"") >= 1);
        Assert.True(Series(text, "egov_alarm_lateness_seconds_bucket", "kind=\"due-soon\"", "scope=\"step\"", "le=\"30\"")
            < Series(text, "egov_alarm_lateness_seconds_bucket", "kind=\"due-soon\"", "scope=\"step\"", "le=\"120\""), "a minute late lands between 30 s and 2 min");

        // Friday 13th: the dossier itself is due soon, and the due-soon gauge counts it (a step's warning does not).
        await travel.ToAsync(host.ConnectionString, new DateTimeOffset(2026, 3, 13, 8, 1, 0, TimeSpan.FromHours(7)));
        await Until(host, t => Series(t, "egov_alarms_fired_total", "kind=\"due-soon\"", "scope=\"dossier\"", "unit=\"STP\"") >= 1
            && Series(t, "egov_dossiers_due_soon", "unit=\"STP\"") >= 1);
    }

    [Fact]
    public async Task Outside_the_allowed_networks_only_an_administrator_may_scrape()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Metrics:AllowedNetworks:0"] = "10.0.0.0/8" });
        var anonymous = await host.Http.GetAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var officer = await host.ClientAsync("desk-metrics-2", [Roles.DeskOfficer], "STP");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/metrics", TestContext.Current.CancellationToken)).StatusCode);
        var admin = await host.ClientAsync("admin-metrics", [Roles.Admin]);
        var scraped = await admin.GetAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.StartsWith("text/plain", scraped.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_Enabled_false_removes_the_endpoint()
    {
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Metrics:Enabled"] = "false" });
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/metrics", TestContext.Current.CancellationToken)).StatusCode);
    }

    // Scrapes until the condition holds; on time-out the failure shows the platform's series and the host's warnings.
    private static async Task Until(TestHost host, Func<string, bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var text = await Scrape(host.Http);
            if (condition(text))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not within {seconds} s:\n{string.Join('\n', text.Split('\n').Where(l => l.StartsWith("egov_", StringComparison.Ordinal)))}\n"
                + string.Join('\n', host.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal)).TakeLast(20)));
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<string> Scrape(HttpClient http)
    {
        var response = await http.GetAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The sum of a metric's samples whose labels include all of <paramref name="labels"/> (0 when none).</summary>
    private static double Series(string text, string name, params string[] labels) => text.Split('\n')
        .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
        .Where(l => labels.All(x => l.Contains(x, StringComparison.Ordinal)))
        .Sum(l => double.Parse((l.Contains('}', StringComparison.Ordinal) ? l[(l.LastIndexOf('}') + 1)..] : l[name.Length..]).Trim().Split(' ')[0], CultureInfo.InvariantCulture));
}
