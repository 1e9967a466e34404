using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace EGov.Host.Health;

/// <summary>Ready only when PostgreSQL answers and the event store's tables exist.</summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var cmd = dataSource.CreateCommand("select to_regclass('egov.mt_events') is not null");
            var ready = (bool)(await cmd.ExecuteScalarAsync(cancellationToken))!;
            return ready ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The event store schema does not exist yet (run db-apply).");
        }
        catch (NpgsqlException ex)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", ex);
        }
    }
}
