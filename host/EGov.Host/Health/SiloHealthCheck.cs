using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EGov.Host.Health;

/// <summary>Ready only when a grain call round-trips through the local silo.</summary>
internal sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var answer = await grains.GetGrain<IPingGrain>(0).Ping().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return answer ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The silo answered unexpectedly.");
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The Orleans silo is not answering.", ex);
        }
    }
}

/// <summary>A stateless grain used only to prove the silo accepts calls.</summary>
[Alias("egov.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task<bool> Ping();
}

[Orleans.Concurrency.StatelessWorker]
internal sealed class PingGrain : Grain, IPingGrain
{
    public Task<bool> Ping() => Task.FromResult(true);
}
