using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EGov.Calendar;
using EGov.Catalog;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Events;
using EGov.Hosting;
using EGov.Modules.Agriculture;
using EGov.Modules.Construction;
using EGov.Modules.Finance;
using EGov.Modules.Justice;
using EGov.Modules.Police;
using EGov.Modules.SocialInsurance;
using EGov.Modules.Sdk;
using JasperFx.Events;
using Marten;
using Weasel.Core;

namespace EGov.Benchmarks;

/// <summary>
/// The <c>statistics</c> command (issue 7): writes N events of realistic dossier histories (made by the real state
/// machine, time-ordered day by day as a province would have appended them over two years) into a durable
/// PostgreSQL, starts the real host, rebuilds the statistics projection from scratch while printing its progress,
/// then measures GET /api/v1/statistics.
/// </summary>
public static class StatisticsBenchmark
{
    public const string Usage =
        "  statistics [--events <n>=10000000] [--days <n>=730] [--requests <n>=2000] [--out <file.md>]\n"
        + "             [--keep] [--generate-only] [--database <name>]   (the last three with EGOV_BENCH_POSTGRES: keep the\n"
        + "             generated database, stop after generating it, or measure an earlier kept one instead of generating)";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        long target = 10_000_000;
        int days = 730, requests = 2000;
        string? outFile = null, reuse = null;
        bool keep = false, generateOnly = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--keep" or "--generate-only")
            {
                keep = true;
                generateOnly |= args[i] == "--generate-only";
                continue;
            }

            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i++])
            {
                case "--database": reuse = value; break;
                case "--events": target = long.Parse(value, CultureInfo.InvariantCulture); break;
                case "--days": days = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--out": outFile = value; break;
                default: throw new ArgumentException($"Unknown option {args[i - 1]}.\n{Usage}");
            }
        }

        var report = new StringBuilder();
        var server = Environment.GetEnvironmentVariable("EGOV_BENCH_POSTGRES");
        if ((keep || reuse is not null) && server is null)
        {
            throw new ArgumentException("--keep, --generate-only and --database need a server of your own in EGOV_BENCH_POSTGRES.");
        }

        await using var postgres = await PostgresTarget.StartAsync(server, cancellationToken);
        var root = RepositoryLayout.FindRoot(Environment.CurrentDirectory) ?? RepositoryLayout.FindRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run from the repository.");

        string database, generated;
        if (reuse is not null)
        {
            database = postgres.Existing(reuse);
            generated = await DescribeExistingAsync(database, cancellationToken);
        }
        else
        {
            var name = $"egov_bench_stats_{DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
            database = await postgres.CreateDatabaseAsync(name, cancellationToken);
            if (keep)
            {
                postgres.Keep(name);
            }

            var (events, dossiers, generation) = await GenerateAsync(database, target, days, cancellationToken);
            generated = $"{events:N0} events of {dossiers:N0} dossiers over {days} days, in {generation.TotalSeconds:F0} s ({events / generation.TotalSeconds:N0} events/s)";
            Console.WriteLine($"generated {generated} into database {name}");
            if (generateOnly)
            {
                return 0;
            }
        }

        await using var host = await HostProcess.StartAsync(root, database, cancellationToken,
            new Dictionary<string, string> { ["Logging__LogLevel__EGov.Statistics"] = "Information" });
        using var http = HostApi.CreateClient(host.BaseAddress, 4);
        http.Timeout = TimeSpan.FromMinutes(5);
        var admin = await TokenAsync(http, "bench-admin", "admin", null, cancellationToken);

        // The rebuild: from the first event to the last, progress every 5 s.
        var rebuild = Stopwatch.StartNew();
        using (var start = new HttpRequestMessage(HttpMethod.Post, "/api/v1/statistics/rebuild"))
        {
            start.Headers.Authorization = admin;
            (await http.SendAsync(start, cancellationToken)).EnsureSuccessStatusCode();
        }

        // A leader keeps reading the statistics once a second while the rebuild runs: the reads must not stall.
        using var rebuilding = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var duringRebuild = ReadWhileAsync(http, admin, rebuilding.Token);

        JsonElement progress;
        var progressLines = new List<string>();
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            progress = await GetJsonAsync(http, "/api/v1/statistics/rebuild", admin, cancellationToken);
            var line = $"{rebuild.Elapsed.TotalSeconds,6:F0} s: {progress.GetProperty("processed").GetInt64(),12:N0} / {progress.GetProperty("total").GetInt64():N0} events, {progress.GetProperty("eventsPerSecond")} events/s";
            Console.WriteLine("rebuild " + line);
            progressLines.Add(line);
            if (!progress.GetProperty("running").GetBoolean())
            {
                break;
            }
        }

        await rebuilding.CancelAsync();
        var readsDuring = await duringRebuild;
        Array.Sort(readsDuring);

        if (progress.GetProperty("error").ValueKind != JsonValueKind.Null)
        {
            Console.Error.WriteLine($"rebuild failed: {progress.GetProperty("error")}\n{host.Tail()}");
            return 1;
        }

        // The host's own account of the rebuild: the fold's size and where the swap spent its time.
        var hostLines = File.Exists(host.LogPath)
            ? (await File.ReadAllLinesAsync(host.LogPath, cancellationToken)).Where(l => l.Contains("Statistics rebuild", StringComparison.Ordinal)
                && !l.Contains("events/s", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToArray()
            : [];
        foreach (var line in hostLines)
        {
            Console.WriteLine("host: " + line);
        }

        var rebuildSeconds = (progress.GetProperty("finishedAt").GetDateTimeOffset() - progress.GetProperty("startedAt").GetDateTimeOffset()).TotalSeconds;
        var rebuildRate = progress.GetProperty("processed").GetInt64() / rebuildSeconds;

        // The busiest unit, as its leader sees it.
        var all = await GetJsonAsync(http, $"/api/v1/statistics?from={DateTime.UtcNow.AddDays(-364):yyyy-MM-dd}", admin, cancellationToken);
        var busiest = all.GetProperty("units").EnumerateArray()
            .OrderByDescending(u => u.GetProperty("received").GetProperty("total").GetInt32()).First().GetProperty("unit").GetString()!;
        var leader = await TokenAsync(http, "bench-leader", "leader", busiest, cancellationToken);
        var phases = new List<(string Name, double[] Ms)>
        {
            ($"leader of {busiest}, this month", await MeasureAsync(http, "/api/v1/statistics", leader, requests, cancellationToken)),
            ($"leader of {busiest}, last 365 days", await MeasureAsync(http, $"/api/v1/statistics?from={DateTime.UtcNow.AddDays(-364):yyyy-MM-dd}", leader, requests / 2, cancellationToken)),
            ("admin, every unit, this month", await MeasureAsync(http, "/api/v1/statistics", admin, requests / 2, cancellationToken)),
        };

        var facts = await postgres.ReadFactsAsync(cancellationToken);
        report.AppendLine(CultureInfo.InvariantCulture, $"### Statistics at 10 million events (issue 7) — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project tests/EGov.Benchmarks -- statistics {string.Join(' ', args)}`");
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores; PostgreSQL {facts}; durable commits.");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Generated: {generated}, appended day by day in time order.");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Full rebuild of the statistics projection: {progress.GetProperty("processed").GetInt64():N0} events in {rebuildSeconds:F0} s = **{rebuildRate:N0} events/s** (goal ≥ 20,000). Progress as printed:");
        report.AppendLine();
        report.AppendLine("```");
        foreach (var line in progressLines)
        {
            report.AppendLine(line);
        }

        report.AppendLine("```");
        report.AppendLine();
        if (hostLines.Length > 0)
        {
            report.AppendLine("The host's log of it:");
            report.AppendLine();
            report.AppendLine("```");
            foreach (var line in hostLines)
            {
                report.AppendLine(line.Trim());
            }

            report.AppendLine("```");
            report.AppendLine();
        }

        if (readsDuring.Length > 0)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"Reads of `GET /api/v1/statistics` (admin, this month) once a second during the rebuild: {readsDuring.Length} calls, p50 {Percentile(readsDuring, 0.50):F1} ms, max {readsDuring[^1]:F1} ms.");
            report.AppendLine();
        }

        report.AppendLine("| GET /api/v1/statistics | requests | p50 ms | p99 ms | max ms |");
        report.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var (name, ms) in phases)
        {
            Array.Sort(ms);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {ms.Length} | {Percentile(ms, 0.50):F1} | {Percentile(ms, 0.99):F1} | {ms[^1]:F1} |");
        }

        report.AppendLine();
        Console.WriteLine(report);
        if (outFile is not null)
        {
            await File.AppendAllTextAsync(outFile, report.ToString(), cancellationToken);
        }

        return 0;
    }

    private static async Task<string> DescribeExistingAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT count(*), count(DISTINCT stream_id) FROM egov.mt_events", connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return $"{reader.GetInt64(0):N0} events of {reader.GetInt64(1):N0} dossiers (generated earlier, database {connection.Database})";
    }

    private static async Task<(long Events, long Dossiers, TimeSpan Elapsed)> GenerateAsync(string connectionString, long target, int days, CancellationToken cancellationToken)
    {
        using var store = DocumentStore.For(options =>
        {
            // The host's settings for the event store, so that the host reads these events as its own.
            options.Connection(connectionString);
            options.DatabaseSchemaName = "egov";
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            options.AutoCreateSchemaObjects = JasperFx.AutoCreate.CreateOrUpdate;
            options.Events.AppendMode = EventAppendMode.Quick;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        IEGovModule[] modules = [new JusticeModule(), new FinanceModule(), new ConstructionModule(), new AgricultureModule(), new PoliceModule(), new SocialInsuranceModule()];
        var catalog = new ProcedureCatalog(modules.Select(m => new LoadedModule(m, m.Define(), "benchmark")));
        var deadlines = new CalendarDeadlines(new CalendarProvider(new WorkingCalendar(new CalendarOptions(), OfficialCalendar.Years)));
        var generator = new HistoryGenerator(catalog, deadlines, new Random(20261128));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(CalendarOptions.DefaultTimeZoneId);
        var now = DateTimeOffset.UtcNow;
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(-days);
        var pending = new Dictionary<DateOnly, List<(Guid Stream, IDossierEvent Event)>>();
        long events = 0, dossiers = 0, made = 0;
        var perDay = (int)Math.Ceiling(target / (days * 7.0));
        var clock = Stopwatch.StartNew();
        var lastPrint = TimeSpan.Zero;
        for (var d = 0; d <= days && made < target; d++)
        {
            var day = firstDay.AddDays(d);
            for (var i = 0; i < perDay; i++)
            {
                var local = day.ToDateTime(new TimeOnly(7, 30)).AddMinutes(Random.Shared.Next(0, 9 * 60 + 30));
                var submittedAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
                if (submittedAt >= now)
                {
                    continue;
                }

                var (id, history) = generator.Dossier(submittedAt, now, i);
                dossiers++;
                made += history.Count;
                foreach (var e in history)
                {
                    var at = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.Meta.At, zone).DateTime);
                    if (!pending.TryGetValue(at, out var list))
                    {
                        pending[at] = list = [];
                    }

                    list.Add((id, e));
                }
            }

            // Aim at the target over the remaining days with the events per dossier seen so far.
            if (days - d > 0)
            {
                perDay = (int)Math.Ceiling(Math.Max(0, target - made) / ((days - d) * ((double)made / Math.Max(1, dossiers))));
            }

            // Every dossier that can have an event today has been made: append the day in time order.
            if (pending.Remove(day, out var today))
            {
                events += today.Count;
                await AppendAsync(store, today, cancellationToken);
            }

            if (clock.Elapsed - lastPrint > TimeSpan.FromSeconds(10))
            {
                lastPrint = clock.Elapsed;
                Console.WriteLine($"generate: day {d}/{days}, {events:N0} events, {events / clock.Elapsed.TotalSeconds:N0} events/s");
            }
        }

        foreach (var day in pending.Keys.Order().ToArray())
        {
            events += pending[day].Count;
            await AppendAsync(store, pending[day], cancellationToken);
        }

        return (events, dossiers, clock.Elapsed);
    }

    // One stream's events of the day stay together and in order; streams in parallel chunks of 2,000.
    private static async Task AppendAsync(IDocumentStore store, List<(Guid Stream, IDossierEvent Event)> day, CancellationToken cancellationToken)
    {
        var streams = day.OrderBy(x => x.Event.Meta.At).GroupBy(x => x.Stream).Select(g => (g.Key, g.Select(x => (object)x.Event).ToArray())).ToArray();
        await Parallel.ForEachAsync(streams.Chunk(2000), new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = cancellationToken }, async (chunk, ct) =>
        {
            await using var session = store.LightweightSession();
            foreach (var (stream, events) in chunk)
            {
                session.Events.Append(stream, events);
            }

            await session.SaveChangesAsync(ct);
        });
    }

    private static async Task<double[]> MeasureAsync(HttpClient http, string url, AuthenticationHeaderValue token, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 50; i++)
        {
            await GetJsonAsync(http, url, token, cancellationToken);
        }

        var ms = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = token;
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            ms[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return ms;
    }

    private static async Task<double[]> ReadWhileAsync(HttpClient http, AuthenticationHeaderValue token, CancellationToken until)
    {
        var ms = new List<double>();
        try
        {
            while (!until.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                await GetJsonAsync(http, "/api/v1/statistics", token, until);
                ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                await Task.Delay(TimeSpan.FromSeconds(1), until);
            }
        }
        catch (OperationCanceledException) when (until.IsCancellationRequested)
        {
        }

        return [.. ms];
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string url, AuthenticationHeaderValue token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = token;
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Web, cancellationToken)).Clone();
    }

    private static async Task<AuthenticationHeaderValue> TokenAsync(HttpClient http, string subject, string role, string? unit, CancellationToken cancellationToken)
    {
        var response = await http.PostAsJsonAsync("/api/v1/dev/tokens", new { subject, roles = new[] { role }, unit }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Web, cancellationToken)).GetProperty("accessToken").GetString();
        return new AuthenticationHeaderValue("Bearer", token);
    }
}
