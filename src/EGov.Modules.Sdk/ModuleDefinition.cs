namespace EGov.Modules.Sdk;

/// <summary>What a module contributes to the catalog.</summary>
/// <param name="Units">The administrative units (departments, communes) the module serves.</param>
/// <param name="Procedures">The administrative procedures (TTHC) the module handles.</param>
public sealed record ModuleDefinition(IReadOnlyList<UnitDefinition> Units, IReadOnlyList<ProcedureDefinition> Procedures)
{
    /// <summary>Risk threshold, step warning share and escalation chain for the module's procedures (SDK 1.2).</summary>
    public ForesightPolicy Foresight { get; init; } = ForesightPolicy.Default;
}
