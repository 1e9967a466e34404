using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;

namespace EGov.Benchmarks;

/// <summary>
/// Issue 4's scale benchmark, the morning after a holiday: N open dossiers with their alarms stored, WINDOW of them
/// due within M minutes. The host runs as a child process on a durable PostgreSQL; we measure how long after its due
/// instant each dossier's overdue flag (its <c>DeadlineMissed</c> event) is committed, the host's peak RSS, and the
/// work-list query "dossiers of unit X due between A and B" during and after the storm.
/// </summary>
public static class DeadlineStorm
{
    internal const string QueryUnit = "STP";

    public static async Task<int> RunAsync(StormOptions o, string command, CancellationToken ct)
    {
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        await using var postgres = await PostgresTarget.StartAsync(o.PostgresConnectionString, ct);
        var server = await postgres.ReadFactsAsync(ct);
        LoadTest.Progress($"PostgreSQL {server.Version}: fsync={server.Fsync}, synchronous_commit={server.SynchronousCommit}");
        var db = await postgres.CreateDatabaseAsync($"egov_bench_storm_{stamp}", ct);

        // 1. Seed: the background first (due over the next month), then the window, placed just far enough ahead.
        var background = o.Dossiers - o.Window;
        var seedClock = Stopwatch.StartNew();
        DateTimeOffset w0, w1;
        long alarms;
        await using (var seeder = StormSeeder.Start(db))
        {
            var origin = DateTimeOffset.UtcNow;
            var spread = TimeSpan.FromDays(29).TotalSeconds / Math.Max(1, background);
            await seeder.SeedAsync(0, background, o.BatchSize, i => origin.AddDays(1).AddSeconds(i * spread), Reporter("background", background), ct);
            var rate = background == 0 ? 1000 : background / seedClock.Elapsed.TotalSeconds;
            w0 = DateTimeOffset.UtcNow.AddSeconds(o.Window / rate * 1.3 + 120); // seeding the window, starting the host, margin
            w1 = w0.AddMinutes(o.WindowMinutes);
            var step = TimeSpan.FromMinutes(o.WindowMinutes).TotalSeconds / o.Window;
            await seeder.SeedAsync(background, o.Window, o.BatchSize, i => w0.AddSeconds((i - background) * step), Reporter("window", o.Window), ct);
            alarms = seeder.AlarmsScheduled;
        }

        var seedSeconds = seedClock.Elapsed.TotalSeconds;
        var (dbBytes, scheduled) = await DatabaseFactsAsync(db, ct);
        LoadTest.Progress($"seeded {o.Dossiers:N0} dossiers and {alarms:N0} alarms in {seedSeconds:F0} s; {scheduled:N0} scheduled; database {dbBytes / 1048576.0:F0} MiB; window {w0:HH:mm:ss}–{w1:HH:mm:ss} UTC");
        if (DateTimeOffset.UtcNow > w0)
        {
            throw new InvalidOperationException("Seeding the window took longer than planned: its first due instants passed before the host started.");
        }

        // 2. The host, alone on its runtime, with the default poll interval and batch size.
        await using var host = await HostProcess.StartAsync(LoadTest.RepositoryRoot(), db, ct);
        await using var rss = new RssSampler(host.Id);
        using var http = HostApi.CreateClient(host.BaseAddress, 2);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LeaderTokenAsync(http, ct));
        var query = QueryUri(w0.AddMinutes(2), w0.AddMinutes(3));
        await http.GetAsync(query, ct); // the first call compiles the endpoint: not a measurement
        var idleRss = RssSampler.Read(host.Id) ?? 0;
        LoadTest.Progress($"host ready (pid {host.Id}, RSS {idleRss / 1048576.0:F0} MiB); waiting for the window");

        // 3. The storm, with the work-list query running alongside (one client, ten a second).
        var during = new LatencyRecorder();
        using var stopQueries = new CancellationTokenSource();
        var queries = Task.Run(() => QueryLoopAsync(http, query, during, TimeSpan.FromMilliseconds(100), stopQueries.Token), ct);
        var landed = 0L;
        var counter = await LandedCounter.StartAsync(db, w0, w1, ct);
        while (DateTimeOffset.UtcNow < w1.AddMinutes(2) && landed < o.Window)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            landed = await counter.CountAsync(ct);
            LoadTest.Progress($"{landed:N0} of {o.Window:N0} overdue flags landed; host RSS {rss.LastBytes / 1048576.0:F0} MiB (peak {rss.PeakBytes / 1048576.0:F0})");
        }

        await stopQueries.CancelAsync();
        await queries;

        // 4. The query again on a quiet host.
        var after = new LatencyRecorder();
        for (var i = 0; i < o.QueryRequests; i++)
        {
            await TimedGetAsync(http, query, after, ct);
        }

        var lags = await LagsAsync(db, w0, w1, ct);
        var result = new StormResult(o, command, MachineFacts.Read(), server, seedSeconds, alarms, scheduled, dbBytes, w0, w1,
            o.Window, lags, idleRss, rss.PeakBytes,
            LatencyRecorder.Merge("during the storm", 1, w1 - w0, [during]),
            LatencyRecorder.Merge("after the storm", 1, TimeSpan.Zero, [after]));
        var markdown = result.ToMarkdown();
        Console.WriteLine(markdown);
        if (o.Out is not null)
        {
            await File.AppendAllTextAsync(o.Out, markdown, ct);
        }

        return result.Passed ? 0 : 1;
    }

    private static Action<int> Reporter(string what, int total)
    {
        var clock = Stopwatch.StartNew();
        var next = 0;
        return done =>
        {
            if (done >= next || done == total)
            {
                next = done + Math.Max(1, total / 20);
                LoadTest.Progress($"seeding {what}: {done:N0}/{total:N0} ({done / clock.Elapsed.TotalSeconds:F0}/s)");
            }
        };
    }

    internal static string QueryUri(DateTimeOffset from, DateTimeOffset to) =>
        $"/api/v1/dossiers?unit={QueryUnit}&dueFrom={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&dueTo={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}&pageSize=50";

    private static async Task QueryLoopAsync(HttpClient http, string query, LatencyRecorder recorder, TimeSpan pace, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await TimedGetAsync(http, query, recorder, ct);
                await Task.Delay(pace, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    internal static async Task TimedGetAsync(HttpClient http, string query, LatencyRecorder recorder, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(query, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode && body.Contains("\"items\"", StringComparison.Ordinal))
            {
                recorder.Success(start);
            }
            else
            {
                recorder.Error(start, $"{(int)response.StatusCode}");
            }
        }
        catch (HttpRequestException ex)
        {
            recorder.Error(start, ex.GetType().Name);
        }
    }

    internal static async Task<string> LeaderTokenAsync(HttpClient http, CancellationToken ct)
    {
        using var content = HostApi.Json($$"""{"subject":"bench-leader","roles":["leader"],"unit":"{{QueryUnit}}"}""");
        using var response = await http.PostAsync(new Uri("/api/v1/dev/tokens", UriKind.Relative), content, ct);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static async Task<(long Bytes, long Scheduled)> DatabaseFactsAsync(string db, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync(ct);
        await using var size = new NpgsqlCommand("select pg_database_size(current_database())", connection);
        await using var scheduled = new NpgsqlCommand("select count(*) from wolverine.wolverine_incoming_envelopes where status = 'Scheduled'", connection);
        return ((long)(await size.ExecuteScalarAsync(ct))!, (long)(await scheduled.ExecuteScalarAsync(ct))!);
    }

    private const string MissedInWindow =
        "from egov.mt_events where type = 'deadline_missed' and data->>'scope' = 'dossier' and (data->>'dueAt')::timestamptz between @w0 and @w1";

    /// <summary>
    /// Counts landed flags incrementally over the events' primary key, so watching the storm costs the database a
    /// few index reads every ten seconds instead of a scan of millions of events (which would slow what it measures).
    /// </summary>
    private sealed class LandedCounter
    {
        private readonly string _db;
        private readonly DateTimeOffset _w0;
        private readonly DateTimeOffset _w1;
        private long _lastSeq;
        private long _count;

        private LandedCounter(string db, DateTimeOffset w0, DateTimeOffset w1, long lastSeq) => (_db, _w0, _w1, _lastSeq) = (db, w0, w1, lastSeq);

        public static async Task<LandedCounter> StartAsync(string db, DateTimeOffset w0, DateTimeOffset w1, CancellationToken ct)
        {
            await using var connection = new NpgsqlConnection(db);
            await connection.OpenAsync(ct);
            await using var max = new NpgsqlCommand("select coalesce(max(seq_id), 0) from egov.mt_events", connection);
            return new LandedCounter(db, w0, w1, (long)(await max.ExecuteScalarAsync(ct))!);
        }

        public async Task<long> CountAsync(CancellationToken ct)
        {
            await using var connection = new NpgsqlConnection(_db);
            await connection.OpenAsync(ct);
            await using var select = new NpgsqlCommand(
                "select coalesce(max(seq_id), @last), count(*) filter (where type = 'deadline_missed' and data->>'scope' = 'dossier' "
                + "and (data->>'dueAt')::timestamptz between @w0 and @w1) from egov.mt_events where seq_id > @last", connection);
            select.Parameters.AddWithValue("last", _lastSeq);
            select.Parameters.AddWithValue("w0", _w0);
            select.Parameters.AddWithValue("w1", _w1);
            await using var reader = await select.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            _lastSeq = reader.GetInt64(0);
            _count += reader.GetInt64(1);
            return _count;
        }
    }

    /// <summary>Seconds from each due instant to the commit of its flag (the event's timestamp, set by PostgreSQL).</summary>
    private static async Task<double[]> LagsAsync(string db, DateTimeOffset w0, DateTimeOffset w1, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync(ct);
        await using var select = new NpgsqlCommand(
            "select extract(epoch from (timestamp - (data->>'dueAt')::timestamptz))::float8 " + MissedInWindow, connection);
        select.Parameters.AddWithValue("w0", w0);
        select.Parameters.AddWithValue("w1", w1);
        var lags = new List<double>();
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lags.Add(reader.GetDouble(0));
        }

        lags.Sort();
        return [.. lags];
    }
}
