using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.Catalog;

/// <summary>
/// Wires the catalog into the host. It takes the loaded modules rather than the configuration: finding them (built-in
/// types, the plug-in folder, <c>Modules:*:Enabled</c>) is the host's job; the catalog builds and validates itself from them.
/// Its one document, the record of each procedure version served (<see cref="ProcedureVersionLedger"/>), joins the
/// Marten store through <c>ConfigureMarten</c>, so the host's store set-up needs no catalog line.
/// </summary>
public static class CatalogSetup
{
    public static IServiceCollection AddCatalog(this IServiceCollection services, IReadOnlyList<LoadedModule> modules)
    {
        services.AddSingleton(new ProcedureCatalog(modules));
        services.AddSingleton(modules);
        services.ConfigureMarten(options => options.Schema.For<ProcedureVersionRecord>());
        services.AddHostedService<ProcedureVersionLedger>();
        return services;
    }
}
