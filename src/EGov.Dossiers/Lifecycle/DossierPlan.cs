using EGov.Catalog;
using EGov.Dossiers.Events;

namespace EGov.Dossiers.Lifecycle;

/// <summary>What a dossier copies from its procedure when it is opened.</summary>
public sealed record DossierPlan(string ProcedureCode, string ProcedureName, string Unit, IReadOnlyList<PlannedStep> Steps, decimal Fee, SlaPlan Sla)
{
    public static DossierPlan From(CatalogProcedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var p = procedure.Definition;
        return new DossierPlan(
            p.Code,
            p.Name,
            p.UnitCode,
            p.Steps.Select(s => new PlannedStep(s.Id, s.Name, s.UnitCode, s.Role, s.TimeAllowance.Value, s.TimeAllowance.Unit.ToString())).ToArray(),
            p.Fee,
            new SlaPlan(p.ProcessingTime.Value, p.ProcessingTime.Unit.ToString(), p.SameDay, p.SupplementPolicy == Modules.Sdk.SupplementPolicy.Restart));
    }
}
