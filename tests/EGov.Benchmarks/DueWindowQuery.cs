using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EGov.Benchmarks;

/// <summary>
/// The <c>deadlines-query</c> mode: issue 4's work-list query alone, without the 28-minute storm. A million open
/// dossiers are seeded with SQL (<see cref="DueWindowSeeder"/>), the real host runs as a child process on a durable
/// PostgreSQL, and one leader asks "which dossiers of STP fall due in this minute" for random one-minute windows
/// inside the 10-minute window, sequentially, after a warm-up.
/// </summary>
public static class DueWindowQuery
{
    private const int WarmupRequests = 200;
    private const int EmptyRequests = 500;

    public static string Usage =>
        """
        deadlines-query [--dossiers N] [--window N] [--window-minutes M] [--query-requests N] [--out FILE]
          Seeds N open dossiers (default 1,000,000) with SQL copies of one written by the product, WINDOW of them
          (default 100,000) of unit STP due within M minutes (default 10), starts the host and measures
          GET /api/v1/dossiers?unit=STP&dueFrom=&dueTo=&pageSize=50 (leader token, random one-minute windows):
          200 warm-up calls, then N sequential calls (default 2,000); prints p50/p99/max, and the same for 500 calls
          on an empty window (the fixed cost of a call).
        """;

    public static async Task<int> RunAsync(StormOptions o, string command, CancellationToken ct)
    {
        var loadBefore = LoadAverage();
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        await using var postgres = await PostgresTarget.StartAsync(o.PostgresConnectionString, ct);
        var server = await postgres.ReadFactsAsync(ct);
        LoadTest.Progress($"PostgreSQL {server.Version}: fsync={server.Fsync}, synchronous_commit={server.SynchronousCommit}");
        var db = await postgres.CreateDatabaseAsync($"egov_bench_query_{stamp}", ct);

        // The storm is over: its window lies half an hour back, as in the storm benchmark's after-phase.
        var now = DateTimeOffset.UtcNow;
        var w0 = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-30);
        var seeding = await DueWindowSeeder.SeedAsync(db, o, w0, ct);
        LoadTest.Progress($"seeded: {seeding}");

        await using var host = await HostProcess.StartAsync(LoadTest.RepositoryRoot(), db, ct);
        using var http = HostApi.CreateClient(host.BaseAddress, 1);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await DeadlineStorm.LeaderTokenAsync(http, ct));
        LoadTest.Progress($"host ready (pid {host.Id}); warm-up {WarmupRequests} calls");

        // Fixed seed: before/after runs ask for the same windows in the same order.
        var random = new Random(4);
        string NextQuery()
        {
            var from = w0.AddSeconds(random.Next(0, (o.WindowMinutes - 1) * 60 + 1));
            return DeadlineStorm.QueryUri(from, from.AddMinutes(1));
        }

        var sample = await SampleAsync(http, NextQuery(), ct);
        var warm = new LatencyRecorder();
        for (var i = 0; i < WarmupRequests; i++)
        {
            await DeadlineStorm.TimedGetAsync(http, NextQuery(), warm, ct);
        }

        var measured = new LatencyRecorder();
        for (var i = 0; i < o.QueryRequests; i++)
        {
            await DeadlineStorm.TimedGetAsync(http, NextQuery(), measured, ct);
        }

        // The same request on an empty (zero-length) window: what any call costs before it reads a row (HTTP, the
        // token, routing, one round trip), to tell the query's own share from the fixed one.
        var empty = new LatencyRecorder();
        for (var i = 0; i < EmptyRequests; i++)
        {
            await DeadlineStorm.TimedGetAsync(http, DeadlineStorm.QueryUri(w0, w0), empty, ct);
        }

        var result = LatencyRecorder.Merge("due-window query", 1, TimeSpan.Zero, [measured]);
        var floor = LatencyRecorder.Merge("empty window", 1, TimeSpan.Zero, [empty]);
        var markdown = Markdown(o, command, server, seeding, sample, result, floor, loadBefore, LoadAverage());
        Console.WriteLine(markdown);
        if (o.Out is not null)
        {
            await File.AppendAllTextAsync(o.Out, markdown, ct);
        }

        return result.ErrorCount == 0 && result.P99Ms < StormResult.MaxQueryP99Ms ? 0 : 1;
    }

    /// <summary>One answer, to show what was measured: how many rows a page carries and what its total says.</summary>
    private static async Task<string> SampleAsync(HttpClient http, string query, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(query, UriKind.Relative), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The query failed ({(int)response.StatusCode}): {body}");
        }

        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        var lowerBound = root.TryGetProperty("totalIsLowerBound", out var lb) ? $", totalIsLowerBound {lb.GetBoolean()}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{root.GetProperty("items").GetArrayLength()} items, total {root.GetProperty("total").GetInt64()}{lowerBound}, {body.Length:N0} characters");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Markdown(StormOptions o, string command, ServerFacts server, string seeding, string sample, PhaseResult r, PhaseResult floor, string loadBefore, string loadAfter)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        StormResult.AppendHeading(sb, "#### Due-window query", command, MachineFacts.Read(), server);
        sb.AppendLine(c, $"- Load average (1, 5, 15 min): {loadBefore} before the run, {loadAfter} after it (other work on the machine shares its cores).");
        sb.AppendLine(c, $"- Seeded {o.Dossiers:N0} open dossiers, {o.Window:N0} of STP due within {o.WindowMinutes} minutes: {seeding}.");
        sb.AppendLine(c, $"- A sample answer: {sample}.");
        sb.AppendLine(c, $"- {r.Requests:N0} sequential calls after {WarmupRequests} warm-up calls, random one-minute windows: {r.Successes:N0} ok, {r.ErrorCount} errors, "
            + $"p50 {r.P50Ms:F1} ms, p95 {r.P95Ms:F1} ms, p99 {r.P99Ms:F1} ms, max {r.MaxMs:F1} ms (goal: p99 under {StormResult.MaxQueryP99Ms} ms).");
        sb.AppendLine(c, $"- The same request on an empty window, {floor.Requests} calls: p50 {floor.P50Ms:F1} ms, p95 {floor.P95Ms:F1} ms, p99 {floor.P99Ms:F1} ms, max {floor.MaxMs:F1} ms ({floor.ErrorCount} errors).");
        return sb.ToString();
    }
}
