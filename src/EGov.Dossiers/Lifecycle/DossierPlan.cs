using EGov.Calendar;
using EGov.Catalog;
using EGov.Dossiers.Events;

namespace EGov.Dossiers.Lifecycle;

/// <summary>What a dossier copies from its procedure when it is opened (handed to the grain once intake is admitted).</summary>
[GenerateSerializer]
[Alias("egov.dossier-plan")]
public sealed record DossierPlan(
    [property: Id(0)] string ProcedureCode,
    [property: Id(1)] string ProcedureName,
    [property: Id(2)] string Unit,
    [property: Id(3)] IReadOnlyList<PlannedStep> Steps,
    [property: Id(4)] decimal Fee,
    [property: Id(5)] SlaPlan Sla)
{
    /// <summary>The version of the procedure's catalog entry the dossier is opened under.</summary>
    [Id(40)] public int CatalogVersion { get; init; } = 1;

    public static DossierPlan From(CatalogProcedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var p = procedure.Definition;
        return new DossierPlan(
            p.Code,
            p.Name,
            p.UnitCode,
            p.Steps.Select(s => new PlannedStep(s.Id, s.Name, s.UnitCode, s.Role, s.TimeAllowance.Value, Units(s.TimeAllowance.Unit))).ToArray(),
            p.Fee,
            new SlaPlan(p.ProcessingTime.Value, Units(p.ProcessingTime.Unit), p.SameDay, p.SupplementPolicy == Modules.Sdk.SupplementPolicy.Restart))
        {
            CatalogVersion = p.Version,
        };
    }

    /// <summary>The SDK's unit as the calendar's: modules compile against the SDK only, the lifecycle counts with the calendar.</summary>
    private static DurationUnit Units(Modules.Sdk.TimeUnit unit) => unit switch
    {
        Modules.Sdk.TimeUnit.WorkingDays => DurationUnit.WorkingDays,
        Modules.Sdk.TimeUnit.WorkingHours => DurationUnit.WorkingHours,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown time unit."),
    };
}
