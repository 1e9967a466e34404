using EGov.Modules.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.Modules.Construction;

/// <summary>
/// Department of Construction (Sở Xây dựng) and the commune that has issued building permits for private houses
/// since the two-tier local government of 1 July 2025.
/// </summary>
public sealed class ConstructionModule : IEGovModule
{
    public string Name => "Construction";

    public ModuleDefinition Define() => new(ConstructionUnits.All, ConstructionProcedures.All);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IIntakeValidator, BuildingPermitValidator>();
}
