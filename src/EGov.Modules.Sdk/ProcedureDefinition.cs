namespace EGov.Modules.Sdk;

/// <summary>An administrative procedure (thủ tục hành chính) as a module declares it.</summary>
/// <param name="Code">Catalog code, unique across all modules (the national catalog's code where one exists).</param>
/// <param name="Name">The procedure's official Vietnamese name.</param>
/// <param name="UnitCode">The unit that receives the dossier and is accountable for the result.</param>
/// <param name="LegalBasis">The legal documents that define the procedure (and its processing time).</param>
/// <param name="ProcessingTime">The statutory processing time, counted from receipt of a valid dossier.</param>
/// <param name="OnlineLevel">Whether the whole procedure can be done online (Decree 42/2022).</param>
/// <param name="RequiredDocuments">The documents the applicant must (or may) submit.</param>
/// <param name="Fee">The fee or charge in VND; 0 when none.</param>
/// <param name="Steps">The processing steps in order; each has a unit, a role and a time allowance.</param>
public sealed record ProcedureDefinition(
    string Code,
    string Name,
    string UnitCode,
    string LegalBasis,
    ProcessingTime ProcessingTime,
    OnlineLevel OnlineLevel,
    IReadOnlyList<DocumentRequirement> RequiredDocuments,
    decimal Fee,
    IReadOnlyList<StepDefinition> Steps)
{
    /// <summary>What happens to the clock when a requested supplement arrives.</summary>
    public SupplementPolicy SupplementPolicy { get; init; } = SupplementPolicy.ResumeRemaining;

    /// <summary>True for "same day" procedures: received before the cut-off, due at that day's close.</summary>
    public bool SameDay { get; init; }

    /// <summary>Set where a fact in the definition (time, fee, basis) could not yet be verified against the law.</summary>
    public string? Unverified { get; init; }

    /// <summary>The procedure's own form fields (the intake's <c>details</c>); none by default.</summary>
    public ProcedureForm Form { get; init; } = ProcedureForm.None;

    /// <summary>
    /// The catalog version of this definition, from 1. Bump it with every change of the definition (form, steps,
    /// times, fee, documents): a dossier records the version it was submitted under, and the catalog refuses to
    /// start when a version it has seen arrives with different content (docs/adr/0016-procedure-versions.md).
    /// </summary>
    public int Version { get; init; } = 1;
}
