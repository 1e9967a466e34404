namespace EGov.Modules.Sdk;

/// <summary>
/// A module's check of an intake before the dossier exists (e.g. "the enterprise name is already registered").
/// Register implementations in <see cref="IEGovModule.ConfigureServices"/>; the core asks every validator that
/// <see cref="Handles"/> the procedure, in registration order, and refuses the intake with the first refusal
/// (422 problem+json naming the field and the reason). Nothing is stored for a refused intake.
/// </summary>
public interface IIntakeValidator
{
    /// <summary>Whether this validator checks intakes of the procedure.</summary>
    bool Handles(string procedureCode);

    ValueTask<IntakeCheck> CheckAsync(IntakeRequest request, CancellationToken cancellationToken);
}

/// <summary>What a validator sees of an intake: the procedure, the applicant, the procedure's form fields and the attached documents.</summary>
/// <param name="Details">The procedure-specific form fields the applicant filled in (e.g. <c>enterpriseName</c>, <c>plotAreaM2</c>).</param>
/// <param name="Documents">The attached vault documents with their types, as far as the vault knows them.</param>
public sealed record IntakeRequest(
    string ProcedureCode,
    string UnitCode,
    string ApplicantIdNumber,
    IReadOnlyDictionary<string, string> Details,
    IReadOnlyList<AttachedDocument> Documents);

/// <summary>An attached document and its type from the document-type catalog (empty when unknown).</summary>
public sealed record AttachedDocument(Guid Id, string Type);

/// <summary>A validator's answer. Reasons are shown to the applicant: Vietnamese first, then English.</summary>
public sealed record IntakeCheck(bool Accepted, string? Field, string? Reason)
{
    public static IntakeCheck Ok { get; } = new(true, null, null);

    public static IntakeCheck Refuse(string field, string reason) => new(false, field, reason);
}
