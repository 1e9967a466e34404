using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace EGov.Host.Health;

/// <summary>Ready only when PostgreSQL answers and the tables a start needs exist (<see cref="SchemaCheck"/>).</summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var missing = await SchemaCheck.MissingAsync(dataSource, cancellationToken);
            return missing.Count == 0 ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The schema does not exist yet ({string.Join(", ", missing)} missing): {SchemaCheck.Advice}.");
        }
        catch (NpgsqlException ex)
        {
            // The exception stays in the log; the answer names no host or user (health reports are anonymous).
            return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", ex);
        }
    }
}
