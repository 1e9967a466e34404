using EGov.Modules.Sdk;

namespace EGov.Modules.Justice;

/// <summary>Department of Justice (Sở Tư pháp) and the commune civil-status desk it supervises.</summary>
public sealed class JusticeModule : IEGovModule
{
    public string Name => "Justice";

    public ModuleDefinition Define() => new(JusticeUnits.All, JusticeProcedures.All);
}
