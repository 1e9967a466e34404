using EGov.Modules.Sdk;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.Modules.Finance;

/// <summary>
/// Department of Finance (Sở Tài chính), which took over business registration when it merged with the Department
/// of Planning and Investment in 2025, and the commune desk that registers household businesses since 1 July 2025.
/// </summary>
public sealed class FinanceModule : IEGovModule
{
    public string Name => "Finance";

    public ModuleDefinition Define() => new(FinanceUnits.All, FinanceProcedures.All);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IIntakeValidator, EnterpriseNameValidator>();

    public void ConfigureMarten(StoreOptions options) => options.Schema.For<EnterpriseName>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => EnterpriseNameEndpoints.Map(endpoints);
}
