using EGov.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EGov.Host.Health;

/// <summary>Ready when the catalog was built from at least one module.</summary>
internal sealed class ModulesHealthCheck(ProcedureCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(catalog.Modules.Count > 0
            ? HealthCheckResult.Healthy($"{catalog.Modules.Count} module(s): {string.Join(", ", catalog.Modules)}")
            : HealthCheckResult.Unhealthy("No department module is loaded."));
}
