using EGov.Documents.Access;
using EGov.Documents.Model;
using EGov.Documents.Reuse;
using EGov.Dossiers.Intake;
using EGov.Dossiers.Lifecycle;
using Marten;
using Npgsql;

namespace EGov.Documents;

/// <summary>
/// The consent rule for citing vault documents (docs/documents.md, "Consent"). A dossier may cite a document of its
/// applicant when the caller is the applicant (their own submission or supplement); when the caller's unit put the
/// document in the vault (a paper handed over at its counter, or its own result); when the owner holds an active
/// grant to the dossier's unit; or when the caller declared a desk act for this applicant and procedure that is still
/// running. Documents of other owners are not checked: citing them opens nothing (see <see cref="DocumentFacts"/>).
/// Every citation by someone other than the owner is logged (<see cref="AccessKinds.Reuse"/>) before the dossier
/// is written; a refusal logs and stores nothing.
/// </summary>
public sealed class VaultReuseConsent(IDocumentStore store, NpgsqlDataSource dataSource, DocumentVault vault, DeskConsents consents) : IDocumentReuseConsent
{
    public const string Code = "document-consent-required";

    public async Task<DossierError?> CheckAsync(DocumentReuse reuse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reuse);
        if (reuse.DocumentIds.Count == 0 || DocumentAccessRules.IsOwner(reuse.Caller, reuse.ApplicantIdNumber))
        {
            return null;
        }

        await using var session = store.QuerySession();
        var owned = (await session.LoadManyAsync<VaultDocument>(cancellationToken, reuse.DocumentIds.Distinct()).ConfigureAwait(false))
            .Where(d => string.Equals(d.OwnerIdNumber, reuse.ApplicantIdNumber, StringComparison.Ordinal)).ToArray();
        if (owned.Length == 0)
        {
            return null;
        }

        // A retried intake (same Idempotency-Key, same dossier id) cites nothing new: it must not be refused once the act ran out.
        var cited = (await DocumentReferences.ForAsync(dataSource, [.. owned.Select(d => d.Id)], cancellationToken).ConfigureAwait(false))
            .Where(r => r.DossierId == reuse.DossierId).Select(r => r.DocumentId).ToHashSet();
        var pending = owned.Where(d => !cited.Contains(d.Id)).ToArray();
        if (pending.Length == 0)
        {
            return null;
        }

        var now = vault.Now;
        var pendingIds = pending.Select(d => d.Id).ToArray();
        var grants = (await session.Query<DocumentGrant>().Where(g => g.DocumentId.IsOneOf(pendingIds)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Where(g => g.Unit == reuse.Unit && g.IsActive(now)).ToArray();
        var act = await consents.ActiveAsync(reuse.ApplicantIdNumber, reuse.ProcedureCode, reuse.Unit, reuse.Caller, cancellationToken).ConfigureAwait(false);

        var reads = new List<(VaultDocument, string)>();
        var missing = new List<Guid>();
        foreach (var document in pending)
        {
            var basis = Basis(document, reuse, grants, act);
            if (basis is null)
            {
                missing.Add(document.Id);
            }
            else
            {
                reads.Add((document, $"cited by dossier {reuse.DossierId} ({reuse.ProcedureCode}) at {reuse.Unit}; {basis}"));
            }
        }

        if (missing.Count > 0)
        {
            var ids = string.Join(", ", missing);
            return new DossierError(ErrorKind.Forbidden, Code,
                $"Chưa có sự đồng ý của chủ giấy tờ đối với {ids}: cần công dân tự nộp, cấp quyền cho đơn vị {reuse.Unit}, hoặc cán bộ một cửa khai báo sự đồng ý " +
                $"(POST /api/v1/procedures/{reuse.ProcedureCode}/desk-consents) / The owner has not consented to the reuse of {ids}: the owner's own submission, " +
                $"a grant to unit {reuse.Unit}, or a declared desk act (POST /api/v1/procedures/{reuse.ProcedureCode}/desk-consents) is needed.",
                "documentIds");
        }

        await vault.LogAsync(reads, AccessKinds.Reuse, reuse.Caller, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private static string? Basis(VaultDocument document, DocumentReuse reuse, IReadOnlyList<DocumentGrant> grants, DeskConsent? act)
    {
        if (string.Equals(reuse.Caller.Unit, reuse.Unit, StringComparison.Ordinal) && string.Equals(document.UploadedByUnit, reuse.Unit, StringComparison.Ordinal))
        {
            return $"uploaded by {reuse.Unit}";
        }

        if (grants.Where(g => g.DocumentId == document.Id).MaxBy(g => g.Until) is { } grant)
        {
            return $"grant {grant.Id}: {grant.Purpose}";
        }

        return act?.Purpose;
    }
}
