using EGov.Hosting;
using System.Globalization;

namespace EGov.Benchmarks;

/// <summary>
/// The <c>load</c> command from start to finish: PostgreSQL, host, token, host phases, raw baseline, report; and
/// whatever was started is stopped again in <c>finally</c>, whether the run succeeded, failed or was interrupted.
/// </summary>
public static class LoadTest
{
    public static async Task<int> RunAsync(LoadOptions options, string command, CancellationToken cancellationToken)
    {
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        PostgresTarget? postgres = null;
        HostProcess? host = null;
        EventHandler killHost = (_, _) => host?.KillNow();
        AppDomain.CurrentDomain.ProcessExit += killHost;
        try
        {
            Progress("starting PostgreSQL (durable)");
            postgres = await PostgresTarget.StartAsync(options.PostgresConnectionString, cancellationToken);
            var server = await postgres.ReadFactsAsync(cancellationToken);
            Progress($"PostgreSQL {server.Version} ({postgres.Description}): fsync={server.Fsync}, synchronous_commit={server.SynchronousCommit}");
            if (server.Fsync != "on" || server.SynchronousCommit != "on")
            {
                await Console.Error.WriteLineAsync("WARNING: the server is not durable; figures will be optimistic and are not comparable with durable runs.");
            }

            string? hostDatabase = null;
            Uri baseAddress;
            if (options.Url is null)
            {
                hostDatabase = await postgres.CreateDatabaseAsync($"egov_bench_host_{stamp}", cancellationToken);
                Progress("starting the host");
                host = await HostProcess.StartAsync(RepositoryRoot(), hostDatabase, cancellationToken);
                baseAddress = host.BaseAddress;
                Progress($"host ready at {baseAddress} (pid {host.Id}, log {host.LogPath})");
            }
            else
            {
                baseAddress = options.Url;
            }

            PhaseResult hostIntake, hostLookup;
            var samples = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var http = HostApi.CreateClient(baseAddress, options.Clients))
            {
                var token = await HostApi.MintDeskOfficerTokenAsync(http, cancellationToken);
                var intake = new IntakeScenario(http, token);
                hostIntake = await PhaseAsync("Host intake (POST /api/v1/dossiers)", options, intake.SubmitAsync, cancellationToken);
                if (intake.Codes.IsEmpty)
                {
                    throw new InvalidOperationException("No intake succeeded, so there is nothing to look up. " + Describe(intake.ErrorSamples) + HostTail(host));
                }

                var lookup = new LookupScenario(http, intake.Codes.ToArray());
                hostLookup = await PhaseAsync("Host lookup (GET /api/v1/public/dossiers/{code})", options, lookup.LookupAsync, cancellationToken);
                Collect(samples, "host intake", intake.ErrorSamples);
                Collect(samples, "host lookup", lookup.ErrorSamples);
            }

            if (host is not null)
            {
                // The baseline gets the machine to itself, as the host had it: an idle silo still runs timers and
                // Wolverine's durability agent polls PostgreSQL, which on two cores would tax the baseline.
                if (hostIntake.ErrorCount + hostLookup.ErrorCount > 0)
                {
                    await Console.Error.WriteLineAsync($"Host log tail ({host.LogPath}):\n{host.Tail()}");
                }

                Progress("stopping the host");
                await host.DisposeAsync();
                host = null;
            }

            // Measured once the host is gone: its connections closed, so PostgreSQL has flushed their statistics.
            var (sizes, rows) = hostDatabase is null
                ? (PayloadSizes.Default, null)
                : await PayloadSizes.MeasureAsync(hostDatabase, cancellationToken);

            PhaseResult rawIntake, rawLookup;
            var rawDatabase = await postgres.CreateDatabaseAsync($"egov_bench_raw_{stamp}", cancellationToken);
            await using (var raw = await RawPostgresBaseline.CreateAsync(rawDatabase, options.Clients, sizes, cancellationToken))
            {
                rawIntake = await PhaseAsync("Raw intake (Npgsql, same rows)", options, raw.IntakeAsync, cancellationToken);
                var rawCodes = raw.Codes.ToArray();
                rawLookup = await PhaseAsync("Raw lookup (Npgsql, by code)", options, (_, ct) => raw.LookupAsync(rawCodes, ct), cancellationToken);
            }

            var report = new Report(DateTimeOffset.UtcNow, command, options, MachineFacts.Read(), server,
                options.Url is null ? "host started by the load generator" : $"running host at {options.Url}",
                hostIntake, hostLookup, rawIntake, rawLookup, sizes, rows, samples);
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

    /// <summary>A warm-up (JIT, Wolverine code generation, connection pools, PostgreSQL caches) and then the measured phase.</summary>
    private static async Task<PhaseResult> PhaseAsync(string name, LoadOptions options, Operation operation, CancellationToken cancellationToken)
    {
        if (options.Warmup > TimeSpan.Zero)
        {
            Progress($"{name}: warm-up {options.Warmup.TotalSeconds:0} s");
            var warm = await PhaseRunner.RunAsync(name, options.Clients, options.Warmup, options.MaxRequestsPerPhase, operation, cancellationToken);
            if (warm.ErrorCount > 0)
            {
                Progress($"{name}: {warm.ErrorCount} errors during warm-up: {Breakdown(warm)}");
            }
        }

        Progress($"{name}: measuring {options.Duration.TotalSeconds:0} s with {options.Clients} clients");
        var result = await PhaseRunner.RunAsync(name, options.Clients, options.Duration, options.MaxRequestsPerPhase, operation, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        Progress(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {result.Requests} requests, {result.RequestsPerSecond:0.0}/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, errors {result.ErrorCount} {Breakdown(result)}"));
        return result;
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
