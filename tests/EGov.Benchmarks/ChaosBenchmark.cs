using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace EGov.Benchmarks;

/// <summary>
/// The <c>chaos</c> command (issue 15, point 6), from start to finish: a durable PostgreSQL, N nodes in one Orleans
/// cluster (ADO.NET membership) behind HAProxy, dossiers whose deadline alarms come due during the run, closed-loop
/// clients through the load balancer while a random node is SIGKILLed every 10–20 s and restarted on its ports,
/// the verification of every acknowledged write against the event store, then the throughput of N..1 nodes and the
/// raw-Npgsql floor. Whatever was started is stopped in <c>finally</c>.
/// </summary>
public static class ChaosBenchmark
{
    private static readonly TimeSpan WarmupWindow = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(ChaosOptions o, string command, CancellationToken ct)
    {
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var root = LoadTest.RepositoryRoot();
        await using var postgres = await PostgresTarget.StartAsync(o.PostgresConnectionString, ct);
        var server = await postgres.ReadFactsAsync(ct);
        LoadTest.Progress($"PostgreSQL {server.Version} ({postgres.Description}): fsync={server.Fsync}, synchronous_commit={server.SynchronousCommit}");
        var db = await postgres.CreateDatabaseAsync($"egov_chaos_{stamp}", ct);

        await using var cluster = new ChaosCluster(root, db, o.Nodes, $"chaos-{stamp}");
        EventHandler killAll = (_, _) => cluster.KillAllNow();
        AppDomain.CurrentDomain.ProcessExit += killAll;
        try
        {
            // Node 1 alone first: in Development it creates the schema (and the membership tables) the others find.
            LoadTest.Progress("starting node 1");
            await cluster.StartAsync(1, ct);
            LoadTest.Progress($"starting nodes 2..{o.Nodes}");
            await Task.WhenAll(Enumerable.Range(2, o.Nodes - 1).Select(i => cluster.StartAsync(i, ct)));
            await using var lb = await HaproxyProcess.StartAsync(root, cluster.HttpPorts, ct);
            LoadTest.Progress($"{o.Nodes} nodes ready behind HAProxy at {lb.BaseAddress} (nodes at {string.Join(", ", cluster.HttpPorts)})");
            using var http = HostApi.CreateClient(lb.BaseAddress, o.Clients);
            var tokens = await ChaosTokens.MintAsync(http, ct);

            // Dossiers whose two overdue alarms come due during the chaos, written as the grain would (StormSeeder).
            var alarmsFrom = DateTimeOffset.UtcNow.AddSeconds(75); // after seeding (~20 s) and the warm-up (30 s)
            var alarmsTo = alarmsFrom + TimeSpan.FromSeconds(Math.Max(0, (o.Duration - TimeSpan.FromSeconds(45)).TotalSeconds));
            if (o.Alarms > 0)
            {
                LoadTest.Progress($"seeding {o.Alarms} dossiers due between {alarmsFrom:HH:mm:ss} and {alarmsTo:HH:mm:ss} UTC");
                await using var seeder = StormSeeder.Start(db);
                var step = (alarmsTo - alarmsFrom).TotalSeconds / Math.Max(1, o.Alarms - 1);
                await seeder.SeedAsync(0, o.Alarms, 100, i => alarmsFrom.AddSeconds(i * step), _ => { }, ct);
            }

            LoadTest.Progress($"warm-up {WarmupWindow.TotalSeconds * 3:0} s");
            var warmLedger = new ChaosLedger();
            using (var warm = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                warm.CancelAfter(WarmupWindow * 3);
                await new ChaosWorkload(http, tokens, warmLedger, o.Seed + 1).RunAsync(o.Clients, warm.Token);
            }

            var chaos = await ChaosAsync(o, cluster, http, tokens, ct);

            // Late alarms land after the chaos: wait for every due one (a dead node's claims wait for its eviction).
            var expected = o.Alarms; // one DeadlineMissed each: the last step is due with the dossier (DeadlineAlarms.Plan)
            var settleUntil = DateTimeOffset.UtcNow.AddSeconds(150);
            while (expected > 0 && DateTimeOffset.UtcNow < settleUntil)
            {
                var landed = await CountMissedAsync(db, alarmsFrom, alarmsTo, ct);
                LoadTest.Progress($"{landed} of {expected} overdue alarms landed");
                if (landed >= expected && DateTimeOffset.UtcNow > alarmsTo)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromSeconds(5), ct);
            }

            var acks = warmLedger.Acknowledged.Concat(chaos.Ledger.Acknowledged).ToArray();
            var verdict = await ChaosVerifier.VerifyAsync(db, acks, [.. warmLedger.KeysWithTwoDossiers, .. chaos.Ledger.KeysWithTwoDossiers],
                alarmsFrom.AddSeconds(-1), alarmsTo.AddSeconds(1), o.Alarms, ct);
            LoadTest.Progress($"verified {verdict.AcknowledgedWrites} acknowledged writes over {verdict.StreamsChecked} streams: " +
                              $"{verdict.LostWrites.Count} lost, {verdict.BrokenStreams.Count} broken streams, {verdict.CreatedTwice.Count} created twice, {verdict.FiredTwice.Count} alarms fired twice");

            // Throughput of N..1 nodes (nodes stopped with SIGTERM one by one), then the raw floor alone.
            var phases = new List<NodePhase>();
            if (o.PhaseDuration > TimeSpan.Zero)
            {
                for (var i = 1; i <= o.Nodes; i++)
                {
                    if (!cluster.Running.Contains(i))
                    {
                        await cluster.StartAsync(i, ct);
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(3), ct); // HAProxy's checks see every node up
                var intake = new IntakeScenario(http, tokens.Desk.Parameter!);
                for (var n = o.Nodes; n >= 1; n--)
                {
                    phases.Add(await ThroughputAsync(o, n, cluster, postgres, intake, ct));
                    if (n > 1)
                    {
                        await cluster.StopAsync(n);
                        await Task.Delay(TimeSpan.FromSeconds(3), ct);
                    }
                }
            }

            await cluster.DisposeAsync();
            NodePhase? raw = null;
            if (o.PhaseDuration > TimeSpan.Zero)
            {
                raw = await RawFloorAsync(o, postgres, db, stamp, ct);
            }

            var report = new ChaosReport(DateTimeOffset.UtcNow, command, o, MachineFacts.Read(), server, chaos, verdict, phases, raw);
            var markdown = report.ToMarkdown();
            Console.WriteLine();
            Console.WriteLine(markdown);
            if (o.Out is not null)
            {
                await File.AppendAllTextAsync(o.Out, markdown, ct);
                LoadTest.Progress($"appended to {Path.GetFullPath(o.Out)}");
            }

            return verdict.Passed ? 0 : 1;
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= killAll;
        }
    }

    private static async Task<ChaosRun> ChaosAsync(ChaosOptions o, ChaosCluster cluster, HttpClient http, ChaosTokens tokens, CancellationToken ct)
    {
        var ledger = new ChaosLedger();
        var workload = new ChaosWorkload(http, tokens, ledger, o.Seed);
        var random = new Random(o.Seed);
        var kills = new List<KillEvent>();
        var restarts = new List<Task>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var started = Stopwatch.GetTimestamp();
        LoadTest.Progress($"chaos: {o.Clients} clients for {o.Duration.TotalSeconds:0} s, a SIGKILL every {o.KillEveryMin.TotalSeconds:0}-{o.KillEveryMax.TotalSeconds:0} s (seed {o.Seed})");
        stop.CancelAfter(o.Duration);
        var clients = workload.RunAsync(o.Clients, stop.Token);
        var skipped = 0;
        while (!stop.IsCancellationRequested)
        {
            var wait = o.KillEveryMin + (o.KillEveryMax - o.KillEveryMin) * random.NextDouble();
            try
            {
                await Task.Delay(wait, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            // A random node, running or still starting, but never the last ready one: the run measures losing a node,
            // not losing the service.
            var running = cluster.Running;
            var candidates = Enumerable.Range(1, o.Nodes).Where(i => !(running.Count == 1 && running[0] == i)).ToArray();
            if (running.Count == 0 || candidates.Length == 0)
            {
                skipped++;
                LoadTest.Progress("no node is ready: this kill is skipped");
                continue;
            }

            var pick = candidates[random.Next(candidates.Length)];
            var whileStarting = !running.Contains(pick);
            // Which open dossiers' grains the victim holds, from the admin placement endpoint, just before the kill.
            int sampled;
            IReadOnlyList<Guid> victims;
            try
            {
                (sampled, victims) = await PlacementAsync(http, tokens, ledger, cluster, pick, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break; // The chaos ended while the victim's grains were being located: no kill after the end.
            }

            var kill = new KillEvent(pick, Stopwatch.GetTimestamp()) { Sampled = sampled, Victims = victims, WhileStarting = whileStarting };
            await cluster.KillAsync(pick);
            kills.Add(kill);
            LoadTest.Progress($"kill {kills.Count}: SIGKILL node {pick}{(whileStarting ? " (while it was starting)" : string.Empty)} at +{Stopwatch.GetElapsedTime(started).TotalSeconds:0} s " +
                              $"(it held {(sampled < 0 ? "?" : victims.Count.ToString(CultureInfo.InvariantCulture))} of {Math.Max(0, sampled)} sampled open dossiers' grains); restarting it");
            restarts.Add(Task.Run(async () =>
            {
                try
                {
                    await cluster.StartAsync(pick, ct);
                    kill.ReadyAgain = Stopwatch.GetTimestamp();
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // Killed again before it was ready; the next kill's restart takes over.
                }
            }, CancellationToken.None));
        }

        await clients;
        var elapsed = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(restarts);
        LoadTest.Progress($"chaos over: {kills.Count} kills, {ledger.Acknowledged.Count} acknowledged writes");
        return new ChaosRun(ledger, workload, kills, skipped, started, elapsed);
    }

    /// <summary>
    /// Asks where the grains of up to 30 recently acknowledged open dossiers live (<c>GET /api/v1/admin/cluster/dossiers/{id}</c>,
    /// silo "ip:port@generation") and returns those on <paramref name="node"/>; sampled is -1 when the endpoint is missing.
    /// </summary>
    private static async Task<(int Sampled, IReadOnlyList<Guid> Victims)> PlacementAsync(
        HttpClient http, ChaosTokens tokens, ChaosLedger ledger, ChaosCluster cluster, int node, CancellationToken ct)
    {
        var acks = ledger.Acknowledged.ToArray();
        var delivered = acks.Where(a => a.What == "deliver").Select(a => a.DossierId).ToHashSet();
        var recent = acks.Reverse().Select(a => a.DossierId).Where(id => !delivered.Contains(id)).Distinct().Take(30).ToArray();
        var victims = new List<Guid>();
        var sampled = 0;
        foreach (var id in recent)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/admin/cluster/dossiers/{id}");
                request.Headers.Authorization = tokens.Admin;
                using var response = await http.SendAsync(request, ct);
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    return (-1, []);
                }

                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }

                sampled++;
                using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                if (doc.RootElement.TryGetProperty("silo", out var silo) && silo.GetString() is { } address
                    && address.Split('@')[0].Split(':') is [_, var port] && int.TryParse(port, CultureInfo.InvariantCulture, out var p)
                    && cluster.NodeOfSiloPort(p) == node)
                {
                    victims.Add(id);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // A placement that could not be read is left out of the sample.
            }
        }

        return (sampled, victims);
    }

    private static async Task<NodePhase> ThroughputAsync(ChaosOptions o, int nodes, ChaosCluster cluster, PostgresTarget postgres, IntakeScenario intake, CancellationToken ct)
    {
        // Warm until stable: 10 s windows until two in a row agree within 10 % (at most six).
        var name = $"{nodes} node{(nodes == 1 ? string.Empty : "s")}: intake through HAProxy";
        double previous = 0;
        for (var w = 0; w < 6; w++)
        {
            var window = await PhaseRunner.RunAsync(name, o.Clients, WarmupWindow, 2_000_000, intake.SubmitAsync, ct);
            LoadTest.Progress(string.Create(CultureInfo.InvariantCulture, $"{name}: warm-up window {w + 1}: {window.RequestsPerSecond:0.0}/s"));
            if (w > 0 && previous > 0 && Math.Abs(window.RequestsPerSecond - previous) / previous < 0.10)
            {
                break;
            }

            previous = window.RequestsPerSecond;
        }

        var hostCpu0 = CpuMeter.Seconds(cluster.HostPids);
        var pgCpu0 = CpuMeter.PostgresSeconds(postgres.DataDirectory);
        var result = await PhaseRunner.RunAsync(name, o.Clients, o.PhaseDuration, 10_000_000, intake.SubmitAsync, ct);
        var hostCpu = CpuMeter.Seconds(cluster.HostPids) - hostCpu0;
        var pgCpu = CpuMeter.PostgresSeconds(postgres.DataDirectory) - pgCpu0;
        LoadTest.Progress(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {result.RequestsPerSecond:0.0}/s, p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms, errors {result.ErrorCount}; CPU per request: hosts {hostCpu * 1000 / Math.Max(1, result.Successes):0.00} ms, PostgreSQL {pgCpu * 1000 / Math.Max(1, result.Successes):0.00} ms"));
        return new NodePhase(name, nodes, result, hostCpu, pgCpu);
    }

    private static async Task<NodePhase> RawFloorAsync(ChaosOptions o, PostgresTarget postgres, string hostDb, string stamp, CancellationToken ct)
    {
        var (sizes, _) = await PayloadSizes.MeasureAsync(hostDb, ct);
        var rawDb = await postgres.CreateDatabaseAsync($"egov_chaos_raw_{stamp}", ct);
        await using var raw = await RawPostgresBaseline.CreateAsync(rawDb, o.Clients, sizes, ct);
        const string name = "Raw floor: the same rows by Npgsql";
        await PhaseRunner.RunAsync(name, o.Clients, WarmupWindow, 2_000_000, raw.IntakeAsync, ct);
        var pgCpu0 = CpuMeter.PostgresSeconds(postgres.DataDirectory);
        var self0 = CpuMeter.Seconds([Environment.ProcessId]);
        var result = await PhaseRunner.RunAsync(name, o.Clients, o.PhaseDuration, 10_000_000, raw.IntakeAsync, ct);
        var pgCpu = CpuMeter.PostgresSeconds(postgres.DataDirectory) - pgCpu0;
        var self = CpuMeter.Seconds([Environment.ProcessId]) - self0;
        LoadTest.Progress(string.Create(CultureInfo.InvariantCulture, $"{name}: {result.RequestsPerSecond:0.0}/s, p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms"));
        return new NodePhase(name, 0, result, self, pgCpu);
    }

    private static async Task<long> CountMissedAsync(string db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync(ct);
        await using var count = new NpgsqlCommand(
            "select count(*) from egov.mt_events where type = 'deadline_missed' and (data->>'dueAt')::timestamptz between @from and @to", connection);
        count.Parameters.AddWithValue("from", from.AddSeconds(-1));
        count.Parameters.AddWithValue("to", to.AddSeconds(1));
        return (long)(await count.ExecuteScalarAsync(ct))!;
    }
}

public sealed class KillEvent(int node, long at)
{
    public int Node { get; } = node;

    public long At { get; } = at;

    public long? ReadyAgain { get; set; }

    /// <summary>Open dossiers whose placement was asked before the kill; -1 when the hosts have no placement endpoint.</summary>
    public int Sampled { get; init; }

    /// <summary>Those of them whose grain lived on the killed node.</summary>
    public IReadOnlyList<Guid> Victims { get; init; } = [];

    /// <summary>The node was still starting (not ready yet) when it was killed.</summary>
    public bool WhileStarting { get; init; }
}

public sealed record ChaosRun(ChaosLedger Ledger, ChaosWorkload Workload, IReadOnlyList<KillEvent> Kills, int SkippedKills, long Started, TimeSpan Elapsed);

/// <summary>A throughput phase: the load balancer's figures and the CPU seconds the hosts (or the load generator, for the raw floor) and PostgreSQL used.</summary>
public sealed record NodePhase(string Name, int Nodes, PhaseResult Result, double HostCpuSeconds, double PostgresCpuSeconds);
