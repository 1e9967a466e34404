namespace EGov.Benchmarks;

/// <summary>
/// One measured phase with what it cost: its warm-up, the CPU seconds the system under test's processes used
/// during the measured window (client side: the host or, for the floor, the load generator or pgbench; server side:
/// every PostgreSQL process), and, where counted, PostgreSQL's commits, WAL bytes, statements and checkouts.
/// CPU per request is the figure that survives a noisy machine: throughput falls when other work shares the cores,
/// the CPU a request needs does not (much).
/// </summary>
public sealed record MeasuredPhase(
    PhaseResult Result,
    WarmupResult Warmup,
    double ClientCpuSeconds,
    double PostgresCpuSeconds,
    DatabaseCounters.Snapshot? Database = null,
    string ClientCpuOf = "host")
{
    public string Name => Result.Name;

    /// <summary>Milliseconds of CPU of the client side per successful request; NaN when not measured.</summary>
    public double ClientCpuMsPerRequest => PerRequest(ClientCpuSeconds * 1000);

    public double PostgresCpuMsPerRequest => PerRequest(PostgresCpuSeconds * 1000);

    public double PerRequest(double total) => Result.Successes > 0 && !double.IsNaN(total) ? total / Result.Successes : double.NaN;
}
