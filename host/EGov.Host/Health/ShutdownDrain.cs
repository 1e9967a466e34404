using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EGov.Host.Health;

/// <summary>
/// A node's graceful leave (SIGTERM, a rolling restart): before anything stops, <c>/health/ready</c> turns 503 so
/// that the load balancer stops sending new requests here, and the node keeps serving for <c>Host:DrainSeconds</c>
/// while the balancer's probes notice. Only then does the host stop in its usual order: Kestrel finishes the requests
/// in flight, Wolverine releases the messages this node had claimed (other nodes take them at once), and the Orleans
/// silo deactivates its grains and leaves the membership (docs/cluster.md).
/// </summary>
/// <remarks>
/// An <see cref="IHostedLifecycleService"/>: every service's <c>StoppingAsync</c> runs before any <c>StopAsync</c>,
/// so the drain happens while the whole node still works. The single-process run drains for 0 s: nobody balances it.
/// </remarks>
internal sealed partial class ShutdownDrain(TimeSpan drain, ILogger<ShutdownDrain> logger) : IHostedLifecycleService, IHealthCheck
{
    private volatile bool _draining;

    public bool Draining => _draining;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_draining
            ? HealthCheckResult.Unhealthy("Đang dừng nút / This node is shutting down; the load balancer should send requests elsewhere.")
            : HealthCheckResult.Healthy());

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        LogDraining(logger, drain.TotalSeconds);
        if (drain > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(drain, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout ran out: stop now.
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: /health/ready answers 503 now; draining for {Seconds} s before the node stops")]
    private static partial void LogDraining(ILogger logger, double seconds);
}
