using System.Globalization;
using System.Net;
using System.Text.Json;
using EGov.Catalog;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Grain;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace EGov.IntegrationTests.Statistics;

/// <summary>
/// Issue 7's correctness goal: over thousands of random dossiers with random legal histories (imported through the
/// real state machine, their past-due alarms firing for real), the statistics the projection serves equal a
/// brute-force recount from the event store — for every unit and every procedure, over several periods, with their
/// previous periods and the daily trend — and still do after the projection is rebuilt from scratch.
/// </summary>
public sealed class StatisticsRecountTests(PlatformFixture platform)
{
    private const int Dossiers = 2000;
    private const int DaysBack = 45;

    [Fact]
    public async Task Projected_figures_equal_a_brute_force_recount_from_the_event_store()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await TestHost.StartAsync(platform.Postgres);
        var importer = host.Services.GetRequiredService<DossierImporter>();
        var histories = new RandomHistories(host.Services.GetRequiredService<ProcedureCatalog>(), host.Services.GetRequiredService<CalendarDeadlines>(), new Random(7_2026));
        var now = host.Services.GetRequiredService<PlatformClock>().GetUtcNow();
        var stories = Enumerable.Range(0, Dossiers).Select(_ => histories.Next(now, DaysBack)).ToArray();
        var imported = 0;
        await Parallel.ForEachAsync(stories, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (story, _) =>
        {
            var (state, error) = await importer.ImportAsync(story.Submit, story.SubmittedAt, story.Actions);
            Assert.True(state is not null, $"import refused: {error}");
            Interlocked.Increment(ref imported);
        });
        Assert.Equal(Dossiers, imported);

        var admin = await host.ClientAsync("admin-recount", [Roles.Admin]);
        await Settled(host, admin);
        await MonthlyRollup.AssertMatchesDailyAsync(host.ConnectionString, "as projected");
        var recount = await RecountAsync(host);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);
        var month = new DateOnly(today.Year, today.Month, 1);

        // Stocks are read from month rows up to a month boundary, so periods start and end on either side of one.
        var periods = new List<(DateOnly From, DateOnly To)>
        {
            (today.AddDays(-DaysBack - 3), today), (today, today), (month, today),
            (month.AddMonths(-1), month.AddDays(-1)), (month.AddDays(-1), month), (month.AddDays(-12), month.AddDays(-2)),
        };
        var random = new Random(11);
        for (var i = 0; i < 5; i++)
        {
            var from = today.AddDays(-random.Next(0, DaysBack + 5));
            periods.Add((from, from.AddDays(random.Next(0, 20))));
        }

        var compared = await CompareAsync(admin, recount, periods);
        Assert.True(compared.Received > Dossiers / 2, $"the random histories received only {compared.Received} dossiers");
        Assert.True(compared.Overdue > 0, "no dossier was overdue: the overdue figures were never exercised");
        Assert.True(compared.Resolved > 0, "no dossier was resolved");
        Assert.True(compared.DueSoon > 0, "no dossier was due soon: the due-soon figures were never exercised");
        Assert.True(compared.Apologies > 0, "no apology was issued: the apology figures were never exercised");
        Assert.True(compared.AfterApology > 0, "no dossier was decided after an apology: that figure was never exercised");

        // The daemon's rows, to compare with the bulk replay's below.
        var incremental = await SnapshotAsync(host);

        // A bulk rebuild recomputes the month rows from the day rows, over whatever they held.
        await MonthlyRollup.GarbleAsync(host.ConnectionString);
        await MonthlyRollup.RollUpAsync(host.ConnectionString);
        await MonthlyRollup.AssertMatchesDailyAsync(host.ConnectionString, "rolled up over garbage");

        // The same figures again once the projection is rebuilt from the whole event store by the bulk replay (over
        // garbage month rows); and the very same rows as the daemon's batches wrote, but for dossiers that had new
        // events meanwhile.
        await MonthlyRollup.GarbleAsync(host.ConnectionString);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync("/api/v1/statistics/rebuild", null, ct)).StatusCode);
        JsonElement progress = default;
        await DeadlineWarningTests.Eventually(async () =>
        {
            progress = await (await admin.GetAsync("/api/v1/statistics/rebuild", ct)).ReadJsonAsync();
            return !progress.GetProperty("running").GetBoolean();
        }, seconds: 120);
        Assert.Equal("done", progress.GetProperty("phase").GetString());
        await Settled(host, admin);
        var rebuilt = await SnapshotAsync(host);
        SameRows(incremental, rebuilt, today);
        await MonthlyRollup.AssertMatchesDailyAsync(host.ConnectionString, "after the rebuild");
        await CompareAsync(admin, await RecountAsync(host), periods);
    }

    private sealed record Snapshot(long Through, Dictionary<Guid, (long LastSequence, string Row)> Tallies, Dictionary<string, (DateOnly Day, string Row)> Days);

    /// <summary>Every tally and day-counter row as text, with the last event of each tally's dossier.</summary>
    private static async Task<Snapshot> SnapshotAsync(TestHost host)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new("SELECT coalesce(max(seq_id), 0) FROM egov.mt_events"));
        batch.BatchCommands.Add(new("SELECT t.id, (SELECT max(seq_id) FROM egov.mt_events e WHERE e.stream_id = t.id), t::text FROM egov.stats_tally t"));
        batch.BatchCommands.Add(new("SELECT d.unit || '/' || d.procedure || '/' || d.day, d.day, d::text FROM egov.stats_daily d"));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var through = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var tallies = new Dictionary<Guid, (long, string)>();
        while (await reader.ReadAsync(ct))
        {
            tallies[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetString(2));
        }

        await reader.NextResultAsync(ct);
        var days = new Dictionary<string, (DateOnly, string)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            days[reader.GetString(0)] = (reader.GetFieldValue<DateOnly>(1), reader.GetString(2));
        }

        return new Snapshot(through, tallies, days);
    }

    // A deadline alarm may fire between the two snapshots: it changes its own dossier's tally and today's counters.
    private static void SameRows(Snapshot incremental, Snapshot rebuilt, DateOnly today)
    {
        Assert.True(incremental.Tallies.Count >= Dossiers, $"only {incremental.Tallies.Count} tallies before the rebuild");
        var compared = 0;
        foreach (var (id, (lastSequence, row)) in incremental.Tallies.Where(t => t.Value.LastSequence <= incremental.Through))
        {
            Assert.True(rebuilt.Tallies.TryGetValue(id, out var replayed), $"the rebuild lost the tally of {id}");
            if (replayed.LastSequence == lastSequence)
            {
                Assert.Equal(row, replayed.Row);
                compared++;
            }
        }

        Assert.True(compared > incremental.Tallies.Count * 9 / 10, $"only {compared} of {incremental.Tallies.Count} tallies compared");
        var before = incremental.Days.Where(d => d.Value.Day < today).ToDictionary(d => d.Key, d => d.Value.Row, StringComparer.Ordinal);
        var after = rebuilt.Days.Where(d => d.Value.Day < today).ToDictionary(d => d.Key, d => d.Value.Row, StringComparer.Ordinal);
        Assert.True(before.Count > DaysBack, $"only {before.Count} day rows before today");
        Assert.Equal(before.OrderBy(d => d.Key, StringComparer.Ordinal), after.OrderBy(d => d.Key, StringComparer.Ordinal));
    }

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private static async Task<(long Received, long Resolved, long Overdue, long DueSoon, long Apologies, long AfterApology)> CompareAsync(
        HttpClient admin, Recount recount, List<(DateOnly From, DateOnly To)> periods)
    {
        var ct = TestContext.Current.CancellationToken;
        long received = 0, resolved = 0, overdue = 0, dueSoon = 0, apologies = 0, afterApology = 0;
        foreach (var (from, to) in periods)
        {
            var report = await (await admin.GetAsync($"/api/v1/statistics?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", ct)).ReadJsonAsync();
            var before = report.GetProperty("previousPeriod");
            var (pFrom, pTo) = (DateOnly.Parse(before.GetProperty("from").GetString()!, CultureInfo.InvariantCulture), DateOnly.Parse(before.GetProperty("to").GetString()!, CultureInfo.InvariantCulture));
            foreach (var unit in report.GetProperty("units").EnumerateArray())
            {
                var code = unit.GetProperty("unit").GetString()!;
                var expected = recount.Figures(from, to, (u, _) => u == code);
                Assert.Equal(Report(expected), Flatten(unit), new ArrayComparer(code, from, to));
                Assert.True(expected[15] == unit.GetProperty("dueSoon").GetInt64(), $"{code} {from}..{to}: due soon recount {expected[15]} projection {unit.GetProperty("dueSoon")}");
                Assert.Equal(Report(recount.Figures(pFrom, pTo, (u, _) => u == code)), Flatten(unit.GetProperty("previous")), new ArrayComparer($"{code} previous", pFrom, pTo));
                dueSoon += expected[15];
                foreach (var procedure in unit.GetProperty("procedures").EnumerateArray())
                {
                    var p = procedure.GetProperty("procedure").GetString()!;
                    Assert.Equal(Report(recount.Figures(from, to, (u, q) => u == code && q == p)), Flatten(procedure.GetProperty("figures")), new ArrayComparer($"{code}/{p}", from, to));
                    Assert.Equal(Report(recount.Figures(pFrom, pTo, (u, q) => u == code && q == p)), Flatten(procedure.GetProperty("previous")), new ArrayComparer($"{code}/{p} previous", pFrom, pTo));
                }

                foreach (var point in unit.GetProperty("daily").EnumerateArray())
                {
                    var day = DateOnly.Parse(point.GetProperty("day").GetString()!, CultureInfo.InvariantCulture);
                    var f = recount.Figures(day, day, (u, _) => u == code);
                    long[] trend = [point.GetProperty("received").GetInt64(), point.GetProperty("resolved").GetInt64(), point.GetProperty("resolvedLate").GetInt64(), point.GetProperty("overdueInProgress").GetInt64()];
                    Assert.Equal([f[0] + f[1], f[3] + f[4] + f[5], f[5], f[7]], trend, new ArrayComparer($"{code} trend", day, day));
                }
            }

            var total = recount.Figures(from, to, (_, _) => true);
            Assert.Equal(Report(total), Flatten(report.GetProperty("total")), new ArrayComparer("total", from, to));
            Assert.Equal(Report(recount.Figures(pFrom, pTo, (_, _) => true)), Flatten(report.GetProperty("previousTotal")), new ArrayComparer("previous total", pFrom, pTo));
            received += total[0] + total[1];
            resolved += total[3] + total[4] + total[5];
            overdue += total[7];
            apologies += total[16];
            afterApology += total[17];
        }

        return (received, resolved, overdue, dueSoon, apologies, afterApology);
    }

    private static long[] Flatten(JsonElement f)
    {
        long N(string a, string? b = null) => (b is null ? f.GetProperty(a) : f.GetProperty(a).GetProperty(b)).GetInt64();
        var inProgress = N("inProgress", "withinDeadline") + N("inProgress", "overdue");
        return
        [
            N("received", "online"), N("received", "direct"), N("received", "carriedOver"),
            N("resolved", "early"), N("resolved", "onTime"), N("resolved", "late"),
            inProgress, N("inProgress", "overdue"),
            N("supplementRequested"), N("refused"), N("withdrawn"), N("stopped"),
            N("satisfaction", "notSatisfied"), N("satisfaction", "satisfied"), N("satisfaction", "verySatisfied"),
            N("apologies"), N("resolved", "afterApology"),
        ];
    }

    /// <summary>The recount's figures in <see cref="Flatten"/>'s order: due soon (15) is compared on its own.</summary>
    private static long[] Report(long[] recount) => [.. recount[..15], .. recount[16..]];

    private static async Task<Recount> RecountAsync(TestHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        return new Recount(events.Select(e => (e.StreamId, e.Data)), Zone);
    }

    /// <summary>No work left: no due message waits in Wolverine's inbox, nothing new was stored for two seconds, and the projection has counted it all.</summary>
    private static async Task Settled(TestHost host, HttpClient admin)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = NpgsqlDataSource.Create(host.ConnectionString);
        long last = -1;
        await DeadlineWarningTests.Eventually(async () =>
        {
            await using var cmd = db.CreateCommand(
                """
                SELECT (SELECT coalesce(max(seq_id), 0) FROM egov.mt_events),
                       (SELECT count(*) FROM wolverine.wolverine_incoming_envelopes WHERE status = 'Incoming' OR (status = 'Scheduled' AND execution_time <= now()))
                """);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var (max, waiting) = (reader.GetInt64(0), reader.GetInt64(1));
            var stable = max == last && waiting == 0;
            last = max;
            if (!stable)
            {
                await Task.Delay(2000, ct);
                return false;
            }

            var report = await (await admin.GetAsync("/api/v1/statistics", ct)).ReadJsonAsync();
            return report.GetProperty("projectedThroughSequence").GetInt64() >= max;
        }, seconds: 300);
    }

    private sealed class ArrayComparer(string what, DateOnly from, DateOnly to) : IEqualityComparer<long[]>
    {
        public bool Equals(long[]? x, long[]? y)
        {
            Assert.True(x!.SequenceEqual(y!), $"{what} {from:yyyy-MM-dd}..{to:yyyy-MM-dd}: recount [{string.Join(",", x!)}] projection [{string.Join(",", y!)}]");
            return true;
        }

        public int GetHashCode(long[] obj) => 0;
    }
}
