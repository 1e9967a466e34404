using EGov.Modules.Sdk;

namespace EGov.Modules.Finance;

/// <summary>
/// Department of Finance (Sở Tài chính), which took over business registration when it merged with the Department
/// of Planning and Investment in 2025, and the commune desk that registers household businesses since 1 July 2025.
/// </summary>
public sealed class FinanceModule : IEGovModule
{
    public string Name => "Finance";

    public ModuleDefinition Define() => new(FinanceUnits.All, FinanceProcedures.All);
}
