using EGov.Benchmarks;

namespace EGov.Dossiers.Tests.Benchmarks;

/// <summary>
/// The load report is what docs/benchmarks.md records: it must carry the goals with their verdicts, CPU and database
/// work per request, the host beside its floor, and the cold start, all from the one run.
/// </summary>
public sealed class LoadReportTests
{
    private static PhaseResult Result(string name, int successes, double seconds, double p99) =>
        new(name, 8, TimeSpan.FromSeconds(seconds), successes, successes, p99 / 2, p99 * 0.9, p99, p99 * 2, new Dictionary<string, int>());

    private static Report Sample()
    {
        var warm = new WarmupResult(TimeSpan.FromSeconds(35), [300, 500, 590, 600, 596], Stable: true, 0.017);
        var phases = new List<MeasuredPhase>
        {
            new(Result("Host intake (POST /api/v1/dossiers)", 12_000, 20, 28), warm, ClientCpuSeconds: 9.6, PostgresCpuSeconds: 24.0,
                new DatabaseCounters.Snapshot(Commits: 36_000, WalBytes: 246_000_000, Statements: 96_000, Checkouts: 48_000)),
            new(Result("Host lookup (GET /api/v1/public/dossiers/{code})", 90_000, 20, 4.3), warm, 12, 6),
            new(Result("Floor intake (Npgsql, prepared, 1 batch = 1 transaction)", 100_000, 20, 3), warm, 2, 30,
                new DatabaseCounters.Snapshot(100_000, 500_000_000, 400_000, 0), "load generator"),
            new(Result("pgbench lookup (prepared, by code)", 800_000, 20, 0.5), WarmupResult.None, 5, 20, null, "pgbench"),
        };
        var startup = new StartupResult(TimeSpan.FromSeconds(4.2),
            [new FirstRequest("POST", "/api/v1/dossiers", 201, 850), new FirstRequest("GET", "/health/ready", 200, 3)], 300L << 20);
        var goals = Goals.Judge(new GoalInputs(600, 28, 5000, 0.82, 4500, 4.3, 40_000, double.NaN, 4.2, 1));
        return new Report(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero), "load --duration 20", new LoadOptions(),
            new MachineFacts(2, "AMD EPYC", 24, "Linux", ".NET 10") { LoadAverage = "0.10 0.20 0.30" },
            new ServerFacts("15.18", "on", "on", "on", "fdatasync", "256MB", "300"), "host started by the load generator",
            ["PublicLookup__PermitLimit=100000000"], phases, startup, goals,
            [new StatementCount(48_000, 120, 3, "DISCARD ALL")], null, null, new Dictionary<string, string>(), 400L << 20);
    }

    [Fact]
    public void The_report_carries_goals_with_verdicts_and_machine_facts()
    {
        var md = Sample().ToMarkdown();
        Assert.Contains("| Desk intake throughput | ≥ 1500/s | 600/s | not met |", md, StringComparison.Ordinal);
        Assert.Contains("| Desk intake p99 | ≤ 30 ms | 28 ms | met |", md, StringComparison.Ordinal);
        Assert.Contains("| complete-step on a warm grain | ≥ 1000/s | n/a | not measured |", md, StringComparison.Ordinal);
        Assert.Contains("| Host CPU per intake | ≤ 0.6 ms | 0.82 ms | not met |", md, StringComparison.Ordinal);
        Assert.Contains("| Desk intake / floor | ≥ 0.25x | 0.12x | not met |", md, StringComparison.Ordinal);
        Assert.Contains("load average before the run 0.10 0.20 0.30", md, StringComparison.Ordinal);
        Assert.Contains("`PublicLookup__PermitLimit=100000000`", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_phase_shows_its_warm_up_and_cpu_per_request()
    {
        var md = Sample().ToMarkdown();
        // 9.6 s of host CPU over 12,000 intakes = 0.8 ms; 24 s of PostgreSQL CPU = 2 ms.
        Assert.Contains("| Host intake (POST /api/v1/dossiers) | 12000 | 600.0 | 14.00 | 28.00 | 56.00 | 0 | 35 s, stable (spread 1.7 %) | 0.800 (host) | 2.000 |", md, StringComparison.Ordinal);
        Assert.Contains("| none | 0.006 (pgbench) | 0.025 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Database_work_is_reported_per_intake()
    {
        var md = Sample().ToMarkdown();
        Assert.Contains("| Host intake (POST /api/v1/dossiers) | 3.00 | 20500 | 8.00 | 4.00 |", md, StringComparison.Ordinal);
        Assert.Contains("| Floor intake (Npgsql, prepared, 1 batch = 1 transaction) | 1.00 | 5000 | 4.00 | 0.00 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_stands_beside_its_floor_of_the_same_kind()
    {
        var md = Sample().ToMarkdown();
        Assert.Contains("| Host intake (POST /api/v1/dossiers) / Floor intake (Npgsql, prepared, 1 batch = 1 transaction) | 0.12x | 9.33x | 6.67x |", md, StringComparison.Ordinal);
        Assert.Contains("| Host lookup (GET /api/v1/public/dossiers/{code}) / pgbench lookup (prepared, by code) | 0.11x |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Host intake (POST /api/v1/dossiers) / pgbench lookup", md, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cold_start_lists_the_slowest_first_requests()
    {
        var md = Sample().ToMarkdown();
        Assert.Contains("answered 200 after 4.20 s", md, StringComparison.Ordinal);
        Assert.Contains("First request of 2 endpoints: 1 over 100 ms, slowest 850.000 ms", md, StringComparison.Ordinal);
        Assert.True(md.IndexOf("| POST /api/v1/dossiers | 201 | 850.0 |", StringComparison.Ordinal) < md.IndexOf("| GET /health/ready | 200 | 3.0 |", StringComparison.Ordinal));
    }
}
