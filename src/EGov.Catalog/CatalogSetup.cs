using Microsoft.Extensions.DependencyInjection;

namespace EGov.Catalog;

/// <summary>
/// Wires the catalog into the host. It takes the loaded modules rather than the configuration: finding them (built-in
/// types, the plug-in folder, <c>Modules:*:Enabled</c>) is the host's job; the catalog builds and validates itself from them.
/// The catalog has no part in the Marten store, so there is no <c>ConfigureCatalog</c>.
/// </summary>
public static class CatalogSetup
{
    public static IServiceCollection AddCatalog(this IServiceCollection services, IReadOnlyList<LoadedModule> modules)
    {
        services.AddSingleton(new ProcedureCatalog(modules));
        services.AddSingleton(modules);
        return services;
    }
}
