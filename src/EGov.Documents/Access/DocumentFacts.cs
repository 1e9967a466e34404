using EGov.Documents.Model;
using EGov.Documents.Reuse;
using EGov.Dossiers.Lifecycle;

namespace EGov.Documents.Access;

/// <summary>
/// Everything an access decision about one document needs: the document, the dossiers that cite it (only those
/// whose applicant is the owner: a dossier citing someone else's document gains nothing), their references and
/// every grant ever made on it.
/// </summary>
public sealed record DocumentFacts(
    VaultDocument Document,
    IReadOnlyList<DossierState> Dossiers,
    IReadOnlyList<DocumentReference> References,
    IReadOnlyList<DocumentGrant> Grants)
{
    /// <summary>The dossier that issued this document as its result, when one did.</summary>
    public (DossierState Dossier, DocumentReference Reference)? IssuedBy =>
        References.Where(r => r.Kind == ReferenceKinds.Result)
            .Select(r => (Dossier: Dossiers.FirstOrDefault(d => d.Id == r.DossierId), Reference: r))
            .Where(x => x.Dossier is not null)
            .Select(x => ((DossierState, DocumentReference)?)(x.Dossier!, x.Reference))
            .FirstOrDefault();
}
