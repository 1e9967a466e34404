using EGov.Catalog;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EGov.Host.Health;

/// <summary>
/// Ready when the catalog was built from at least one module; degraded (still ready) when an inter-agency procedure
/// is not served because a module it needs is switched off.
/// </summary>
internal sealed class ModulesHealthCheck(ProcedureCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var loaded = $"{catalog.Modules.Count} module(s): {string.Join(", ", catalog.Modules)}";
        return Task.FromResult(
            catalog.Modules.Count == 0 ? HealthCheckResult.Unhealthy("No department module is loaded.")
            : catalog.Unavailable.Count > 0 ? HealthCheckResult.Degraded($"{loaded}; not served: {string.Join("; ", catalog.Unavailable)}")
            : HealthCheckResult.Healthy(loaded));
    }
}
