namespace EGov.Documents.Model;

/// <summary>What a desk officer attests when declaring the citizen's consent on their behalf.</summary>
public static class DeskConsentBases
{
    /// <summary>The citizen is at the counter, showed their identity document and agreed to the reuse.</summary>
    public const string PresentIdentityChecked = "present-identity-checked";

    /// <summary>The dossier came by post with the citizen's signed consent to reuse their vault documents.</summary>
    public const string SignedConsentForm = "signed-consent-form";

    public static readonly IReadOnlyList<string> All = [PresentIdentityChecked, SignedConsentForm];
}

/// <summary>
/// A desk officer's declared, reasoned act standing in for the citizen's own consent (issue 13, point 6): for a
/// short while, that officer may list (prefill) and cite the citizen's vault documents for one procedure of their
/// unit. Kept for good (Marten document) and shown to the citizen; every document of the citizen gets an access-log
/// entry when it is declared.
/// </summary>
public sealed class DeskConsent
{
    public Guid Id { get; set; }
    public string OwnerIdNumber { get; set; } = string.Empty;
    public string ProcedureCode { get; set; } = string.Empty;
    public string Unit { get; set; } = string.Empty;
    public string Basis { get; set; } = string.Empty;
    public string Reason { get; set; } = string.Empty;
    public string DeclaredBy { get; set; } = string.Empty;
    public DateTimeOffset DeclaredAt { get; set; }
    public DateTimeOffset Until { get; set; }

    /// <summary>Whether <paramref name="subject"/> may rely on this act now for the owner and procedure.</summary>
    public bool Covers(string ownerIdNumber, string procedureCode, string unit, string subject, DateTimeOffset now) =>
        Until > now
        && string.Equals(OwnerIdNumber, ownerIdNumber, StringComparison.Ordinal)
        && string.Equals(ProcedureCode, procedureCode, StringComparison.Ordinal)
        && string.Equals(Unit, unit, StringComparison.Ordinal)
        && string.Equals(DeclaredBy, subject, StringComparison.Ordinal);

    /// <summary>The access log's purpose line: who may see what, on which basis and why.</summary>
    public string Purpose => $"desk consent {Id} for {ProcedureCode} at {Unit} ({Basis}): {Reason}";
}
