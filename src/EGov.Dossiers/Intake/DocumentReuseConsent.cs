using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;

namespace EGov.Dossiers.Intake;

/// <summary>
/// A dossier about to cite vault documents (at intake, in a supplement, or as its result): citing a document of the
/// applicant opens it to the dossier's officers, so it needs the applicant's consent (issue 13, point 6).
/// </summary>
public sealed record DocumentReuse(Guid DossierId, string ProcedureCode, string Unit, string ApplicantIdNumber, IReadOnlyList<Guid> DocumentIds, Caller Caller);

/// <summary>Decides whether a dossier may cite the documents it names; the document vault provides the real one.</summary>
public interface IDocumentReuseConsent
{
    /// <returns>Null when the dossier may cite every document; otherwise the refusal (nothing has been stored).</returns>
    Task<DossierError?> CheckAsync(DocumentReuse reuse, CancellationToken cancellationToken);
}
