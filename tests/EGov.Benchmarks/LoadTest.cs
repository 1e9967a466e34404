using EGov.Hosting;
using System.Globalization;
using Npgsql;

namespace EGov.Benchmarks;

/// <summary>
/// The <c>load</c> command from start to finish: PostgreSQL (durable, pg_stat_statements loaded), the host, its cold
/// start, the host phases (intake, lookup, lifecycle action), then with the host stopped the floor (the same rows
/// through Npgsql and through pgbench, into the host's own schema), and the report with issue 16's goals. Whatever
/// was started is stopped again in <c>finally</c>, whether the run succeeded, failed or was interrupted.
/// </summary>
public static class LoadTest
{
    /// <summary>Settings passed to the host for the benchmark, printed in the report.</summary>
    public static IReadOnlyDictionary<string, string> HostSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // The lookup phase measures throughput from one address: lift the per-client limit a public node keeps.
        ["PublicLookup__PermitLimit"] = "100000000",
        ["PublicLookup__WindowSeconds"] = "1",
        ["PublicLookup__MissLimit"] = "100000000",
    };

    public static async Task<int> RunAsync(LoadOptions options, string command, CancellationToken cancellationToken)
    {
        var machine = MachineFacts.Read(); // first: the load average before this run adds its own.
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        PostgresTarget? postgres = null;
        HostProcess? host = null;
        EventHandler killHost = (_, _) => host?.KillNow();
        AppDomain.CurrentDomain.ProcessExit += killHost;
        try
        {
            Progress("starting PostgreSQL (durable)");
            postgres = await PostgresTarget.StartAsync(options.PostgresConnectionString, cancellationToken);
            var statements = await postgres.EnableStatementStatisticsAsync(cancellationToken);
            var server = await postgres.ReadFactsAsync(cancellationToken);
            Progress($"PostgreSQL {server.Version} ({postgres.Description}): fsync={server.Fsync}, synchronous_commit={server.SynchronousCommit}, pg_stat_statements={(statements ? "on" : "off")}");
            if (server.Fsync != "on" || server.SynchronousCommit != "on")
            {
                await Console.Error.WriteLineAsync("WARNING: the server is not durable; figures will be optimistic and are not comparable with durable runs.");
            }

            string? hostDatabase = null;
            Uri baseAddress;
            if (options.Url is null)
            {
                var name = $"egov_bench_host_{stamp}";
                hostDatabase = await postgres.CreateDatabaseAsync(name, cancellationToken);
                Progress("starting the host");
                host = await HostProcess.StartAsync(RepositoryRoot(), hostDatabase, cancellationToken, HostSettings);
                baseAddress = host.BaseAddress;
                Progress(string.Create(CultureInfo.InvariantCulture, $"host ready after {host.ReadyAfter.TotalSeconds:0.00} s at {baseAddress} (pid {host.Id}, log {host.LogPath})"));
            }
            else
            {
                baseAddress = options.Url;
            }

            var hostCounters = hostDatabase is null ? null
                : new DatabaseCounters(postgres.Maintenance, new NpgsqlConnectionStringBuilder(hostDatabase).Database!, statements);
            Func<double> hostCpu = host is null ? () => double.NaN : () => CpuMeter.Seconds([host.Id]);
            var pgDir = postgres.DataDirectory;
            var phases = new List<MeasuredPhase>();
            var samples = new Dictionary<string, string>(StringComparer.Ordinal);
            StartupResult? startup = null;
            IReadOnlyList<StatementCount> intakeStatements = [];
            IntakeScenario intake;
            long peakRss = 0;
            await using (var rss = host is null ? null : new RssSampler(host.Id))
            using (var http = HostApi.CreateClient(baseAddress, options.Clients))
            {
                if (host is not null && !options.SkipStartup)
                {
                    Progress("first request of every endpoint (cold)");
                    startup = await StartupProbe.RunAsync(http, host.ReadyAfter, host.Id, cancellationToken);
                    Progress(string.Create(CultureInfo.InvariantCulture, $"{startup.FirstRequests.Count} endpoints, {startup.Slow} over 100 ms, slowest {startup.SlowestMs:0} ms"));
                }

                var token = await HostApi.MintDeskOfficerTokenAsync(http, cancellationToken);
                intake = new IntakeScenario(http, token);
                phases.Add(await PhaseAsync("Host intake (POST /api/v1/dossiers)", options, intake.SubmitAsync, hostCpu, "host", pgDir, hostCounters, cancellationToken));
                if (intake.Codes.IsEmpty)
                {
                    throw new InvalidOperationException("No intake succeeded, so there is nothing to look up. " + Describe(intake.ErrorSamples) + HostTail(host));
                }

                if (hostCounters is not null)
                {
                    intakeStatements = await hostCounters.TopStatementsAsync(15, cancellationToken);
                }

                var lookup = new LookupScenario(http, intake.Codes.ToArray());
                phases.Add(await PhaseAsync("Host lookup (GET /api/v1/public/dossiers/{code})", options, lookup.LookupAsync, hostCpu, "host", pgDir, null, cancellationToken));

                // Warm grains: the most recent intakes, still active; a few hundred per client is plenty to cycle.
                var officer = await HostApi.MintTokenAsync(http, """{"subject":"officer1","roles":["specialist","leader"],"unit":"STP"}""", cancellationToken);
                var ids = intake.Ids.ToArray();
                // The first intake is left as it was (version 2): the floor copies it as the template of one intake.
                var lifecycle = new LifecycleScenario(http, officer, ids[Math.Min(ids.Length, Math.Max(1, ids.Length - (300 * options.Clients)))..], options.Clients);
                phases.Add(await PhaseAsync("Host complete-step / return-step (POST /api/v1/dossiers/{id}/{action})", options, lifecycle.ActAsync, hostCpu, "host", pgDir, hostCounters, cancellationToken));
                Collect(samples, "host intake", intake.ErrorSamples);
                Collect(samples, "host lookup", lookup.ErrorSamples);
                Collect(samples, "host lifecycle", lifecycle.ErrorSamples);
                peakRss = rss?.PeakBytes ?? 0;
            }

            if (host is not null)
            {
                // The floor gets the machine to itself, as the host had it: an idle silo still runs timers and
                // Wolverine's durability agent polls PostgreSQL, which on two cores would tax the floor.
                if (phases.Any(p => p.Result.ErrorCount > 0))
                {
                    await Console.Error.WriteLineAsync($"Host log tail ({host.LogPath}):\n{host.Tail()}");
                }

                Progress("stopping the host");
                await host.DisposeAsync();
                host = null;
            }

            string? payloadNote = null, rowsNote = null;
            if (hostDatabase is not null)
            {
                // Measured once the host is gone: its connections closed, so PostgreSQL has flushed their statistics.
                var (sizes, rows) = await PayloadSizes.MeasureAsync(hostDatabase, cancellationToken);
                payloadNote = $"Host payloads (average): DossierSubmitted {sizes.SubmittedBytes} B, DossierReceived {sizes.ReceivedBytes} B, read-model document {sizes.DocumentBytes} B; the floor copies one of the host's own rows.";
                rowsNote = $"Host database after the run (warm-ups and lifecycle actions included): {rows.Streams} streams, {rows.Events} events, {rows.Documents} read-model documents, " +
                           $"{rows.CodesAllocated} codes counted; read-model table scans: {rows.DocumentIndexScans} by index, {rows.DocumentSequentialScans} sequential.";
                await FloorAsync(options, postgres, hostDatabase, hostCounters!, intake.Codes.ToArray(), phases, cancellationToken);
            }

            var goals = Goals.Judge(GoalInputsOf(phases, startup));
            var report = new Report(DateTimeOffset.UtcNow, command, options, machine, server,
                options.Url is null ? "host started by the load generator" : $"running host at {options.Url}",
                [.. HostSettings.Select(s => $"{s.Key}={s.Value}")], phases, startup, goals, intakeStatements, payloadNote, rowsNote, samples, peakRss);
            var markdown = report.ToMarkdown();
            Console.WriteLine();
            Console.WriteLine(markdown);
            if (options.Out is not null)
            {
                await File.AppendAllTextAsync(options.Out, markdown, cancellationToken);
                Progress($"appended to {Path.GetFullPath(options.Out)}");
            }

            return report.TotalErrors == 0 ? 0 : 1;
        }
        finally
        {
            if (host is not null)
            {
                Progress("stopping the host");
                await host.DisposeAsync();
            }

            if (postgres is not null)
            {
                Progress("stopping PostgreSQL");
                await postgres.DisposeAsync();
            }

            AppDomain.CurrentDomain.ProcessExit -= killHost;
        }
    }

    /// <summary>
    /// The floor in the host's own database (its schema, indexes and rows), with the host stopped: Npgsql first,
    /// then pgbench when installed; both write copies of one of the host's intakes and read the host's codes.
    /// <paramref name="withLookup"/> false measures the intake floor alone (the sweep-on/off comparison needs no lookup).
    /// </summary>
    internal static async Task FloorAsync(
        LoadOptions options, PostgresTarget postgres, string hostDatabase, DatabaseCounters counters, IReadOnlyList<string> codes, List<MeasuredPhase> phases,
        CancellationToken cancellationToken, bool withLookup = true)
    {
        FloorTemplate template;
        await using (var dataSource = NpgsqlDataSource.Create(hostDatabase))
        {
            template = await FloorTemplate.ReadAsync(dataSource, cancellationToken);
            if (PgbenchFloor.Available && !options.SkipPgbench)
            {
                await PgbenchFloor.PrepareAsync(dataSource, template, codes, cancellationToken);
            }
        }

        var pgDir = postgres.DataDirectory;
        Func<double> self = () => CpuMeter.Seconds([Environment.ProcessId]);
        await using (var floor = await NpgsqlFloor.OpenAsync(hostDatabase, template, options.Clients, cancellationToken))
        {
            phases.Add(await PhaseAsync("Floor intake (Npgsql, prepared, 1 batch = 1 transaction)", options, floor.IntakeAsync, self, "load generator", pgDir, counters, cancellationToken));
            if (withLookup)
            {
                phases.Add(await PhaseAsync("Floor lookup (Npgsql, prepared, by code)", options, (c, ct) => floor.LookupAsync(c, codes, ct), self, "load generator", pgDir, null, cancellationToken));
            }
        }

        if (!PgbenchFloor.Available || options.SkipPgbench)
        {
            Progress($"pgbench: skipped ({(options.SkipPgbench ? "--no-pgbench" : PgbenchFloor.Binary + " not found")})");
            return;
        }

        phases.Add(await PgbenchPhaseAsync("pgbench intake (prepared, pipelined)", options, hostDatabase, PgbenchFloor.IntakeScript(template), pgDir, counters, cancellationToken));
        if (withLookup)
        {
            phases.Add(await PgbenchPhaseAsync("pgbench lookup (prepared, by code)", options, hostDatabase, PgbenchFloor.LookupScript(template, codes.Count), pgDir, null, cancellationToken));
        }
    }

    private static async Task<MeasuredPhase> PgbenchPhaseAsync(
        string name, LoadOptions options, string database, string script, string? pgDir, DatabaseCounters? counters, CancellationToken cancellationToken)
    {
        // pgbench is a fresh process each run: its warm-up is the server's (caches, WAL), one minimum warm-up long.
        Progress($"{name}: warm-up {options.Warmup.TotalSeconds:0} s");
        await PgbenchFloor.RunAsync(name, database, script, options.Clients, options.Warmup, cancellationToken);
        Progress($"{name}: measuring {options.Duration.TotalSeconds:0} s with {options.Clients} clients");
        var client0 = CpuMeter.ReapedSeconds(Environment.ProcessId);
        var pg0 = CpuMeter.PostgresSeconds(pgDir);
        var db0 = counters is null ? null : await counters.StartAsync(cancellationToken);
        var result = await PgbenchFloor.RunAsync(name, database, script, options.Clients, options.Duration, cancellationToken);
        var pg = CpuMeter.PostgresSeconds(pgDir) - pg0;
        var db = counters is null ? null : await counters.ReadAsync(cancellationToken) - db0!;
        var client = CpuMeter.ReapedSeconds(Environment.ProcessId) - client0;
        Report(result);
        return new MeasuredPhase(result, new WarmupResult(options.Warmup, [], Stable: false, double.NaN), client, pg, db, "pgbench");
    }

    /// <summary>
    /// Warms a phase up in windows until its throughput is stable (or the cap), then measures one window of
    /// <see cref="LoadOptions.Duration"/>, reading CPU (and database counters) at its edges only.
    /// </summary>
    internal static async Task<MeasuredPhase> PhaseAsync(
        string name, LoadOptions options, Operation operation, Func<double> clientCpu, string clientCpuOf, string? pgDir, DatabaseCounters? counters,
        CancellationToken cancellationToken)
    {
        var warmup = await WarmUpAsync(name, options, operation, cancellationToken);
        Progress($"{name}: measuring {options.Duration.TotalSeconds:0} s with {options.Clients} clients");
        var db0 = counters is null ? null : await counters.StartAsync(cancellationToken);
        var client0 = clientCpu();
        var pg0 = CpuMeter.PostgresSeconds(pgDir);
        var result = await PhaseRunner.RunAsync(name, options.Clients, options.Duration, options.MaxRequestsPerPhase, operation, cancellationToken);
        var client = clientCpu() - client0;
        var pg = CpuMeter.PostgresSeconds(pgDir) - pg0;
        DatabaseCounters.Snapshot? db = null;
        if (counters is not null)
        {
            // PostgreSQL 15 flushes a backend's counters within a second of its last transaction.
            await Task.Delay(TimeSpan.FromSeconds(1.2), cancellationToken);
            db = await counters.ReadAsync(cancellationToken) - db0!;
        }

        cancellationToken.ThrowIfCancellationRequested();
        Report(result);
        return new MeasuredPhase(result, warmup, client, pg, db, clientCpuOf);
    }

    private static async Task<WarmupResult> WarmUpAsync(string name, LoadOptions options, Operation operation, CancellationToken cancellationToken)
    {
        if (options.WarmupMax <= TimeSpan.Zero || options.Warmup <= TimeSpan.Zero)
        {
            return WarmupResult.None;
        }

        var detector = new StabilityDetector(options.StableWindows, options.StableTolerance);
        var rates = new List<double>();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Progress($"{name}: warming up until stable ({options.Warmup.TotalSeconds:0}-{options.WarmupMax.TotalSeconds:0} s)");
        while (true)
        {
            var window = await PhaseRunner.RunAsync(name, options.Clients, options.Window, options.MaxRequestsPerPhase, operation, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            rates.Add(window.RequestsPerSecond);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (window.ErrorCount > 0)
            {
                Progress($"{name}: {window.ErrorCount} errors in a warm-up window: {Breakdown(window)}");
            }

            var stable = elapsed >= options.Warmup && detector.IsStable(rates);
            if (stable || elapsed >= options.WarmupMax)
            {
                var result = new WarmupResult(elapsed, rates, stable, detector.Spread(rates));
                Progress(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: warm-up {Benchmarks.Report.WarmupText(result)}; windows {string.Join(", ", rates.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))}/s"));
                return result;
            }
        }
    }

    private static void Report(PhaseResult result) =>
        Progress(string.Create(CultureInfo.InvariantCulture,
            $"{result.Name}: {result.Requests} requests, {result.RequestsPerSecond:0.0}/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, errors {result.ErrorCount} {Breakdown(result)}"));

    /// <summary>The goals' inputs from the phases by name (the floor's best of Npgsql and pgbench is the floor).</summary>
    public static GoalInputs GoalInputsOf(IReadOnlyList<MeasuredPhase> phases, StartupResult? startup)
    {
        ArgumentNullException.ThrowIfNull(phases);
        MeasuredPhase? Find(string prefix) => phases.FirstOrDefault(p => p.Name.StartsWith(prefix, StringComparison.Ordinal));
        double Best(string kind) => phases.Where(p => !p.Name.StartsWith("Host", StringComparison.Ordinal) && p.Name.Contains(kind, StringComparison.Ordinal))
            .Select(p => p.Result.RequestsPerSecond).DefaultIfEmpty(double.NaN).Max();
        var intake = Find("Host intake");
        var lookup = Find("Host lookup");
        var lifecycle = Find("Host complete-step");
        return new GoalInputs(
            intake?.Result.RequestsPerSecond ?? double.NaN,
            intake?.Result.P99Ms ?? double.NaN,
            Best("intake"),
            intake?.ClientCpuMsPerRequest ?? double.NaN,
            lookup?.Result.RequestsPerSecond ?? double.NaN,
            lookup?.Result.P99Ms ?? double.NaN,
            Best("lookup"),
            lifecycle?.Result.RequestsPerSecond ?? double.NaN,
            startup?.ReadyAfter.TotalSeconds ?? double.NaN,
            startup?.Slow ?? double.NaN);
    }

    private static string Breakdown(PhaseResult result) =>
        result.ErrorCount == 0 ? string.Empty : "(" + string.Join(", ", result.Errors.Select(e => $"{e.Key} x {e.Value}")) + ")";

    private static void Collect(Dictionary<string, string> into, string scenario, IReadOnlyDictionary<string, string> samples)
    {
        foreach (var (kind, body) in samples)
        {
            into[$"{scenario} {kind}"] = body;
        }
    }

    private static string Describe(IReadOnlyDictionary<string, string> samples) =>
        string.Join(" ", samples.Select(s => $"{s.Key}: {s.Value}"));

    private static string HostTail(HostProcess? host) => host is null ? string.Empty : $"\nHost log tail ({host.LogPath}):\n{host.Tail()}";

    internal static void Progress(string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));

    /// <summary>The folder holding the solution, found upwards from the working directory or the program.</summary>
    internal static string RepositoryRoot() =>
        RepositoryLayout.FindRoot(Environment.CurrentDirectory)
        ?? RepositoryLayout.FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"{RepositoryLayout.SolutionFile} not found above the working directory; run from the repository.");
}
