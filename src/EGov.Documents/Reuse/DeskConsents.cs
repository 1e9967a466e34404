using EGov.Documents.Model;
using EGov.Dossiers.Model;
using EGov.Kernel;
using Marten;

namespace EGov.Documents.Reuse;

/// <summary>Declares, finds and lists desk officers' consent acts (<see cref="DeskConsent"/>).</summary>
public sealed class DeskConsents(IDocumentStore store, PlatformClock clock, DocumentsOptions options)
{
    /// <summary>
    /// Records the act and, in the same transaction, an access-log entry on every document the owner holds now, so
    /// the owner sees the act wherever they look and no act exists that the log does not show.
    /// </summary>
    public async Task<DeskConsent> DeclareAsync(string ownerIdNumber, string procedureCode, string unit, string basis, string reason, Caller caller,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow();
        var consent = new DeskConsent
        {
            Id = Guid.CreateVersion7(),
            OwnerIdNumber = ownerIdNumber,
            ProcedureCode = procedureCode,
            Unit = unit,
            Basis = basis,
            Reason = reason,
            DeclaredBy = caller.Subject,
            DeclaredAt = now,
            Until = now.AddMinutes(options.DeskConsentMinutes),
        };

        await using var session = store.LightweightSession();
        var documents = await session.Query<VaultDocument>().Where(d => d.OwnerIdNumber == ownerIdNumber).Select(d => d.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        session.Insert(consent);
        foreach (var id in documents)
        {
            session.Insert(new AccessLogEntry
            {
                Id = Guid.CreateVersion7(),
                DocumentId = id,
                OwnerIdNumber = ownerIdNumber,
                At = now,
                Actor = caller.Subject,
                Unit = caller.Unit,
                Purpose = consent.Purpose,
                Kind = AccessKinds.DeskConsent,
            });
        }

        await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return consent;
    }

    /// <summary>The act <paramref name="caller"/> declared for this owner and procedure that is still running, if any.</summary>
    public async Task<DeskConsent?> ActiveAsync(string ownerIdNumber, string procedureCode, string unit, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow();
        var subject = caller.Subject;
        await using var session = store.QuerySession();
        var acts = await session.Query<DeskConsent>().Where(c => c.OwnerIdNumber == ownerIdNumber && c.DeclaredBy == subject)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return acts.Where(c => c.Covers(ownerIdNumber, procedureCode, unit, subject, now)).MaxBy(c => c.Until);
    }

    public async Task<IReadOnlyList<DeskConsent>> OfOwnerAsync(string ownerIdNumber, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<DeskConsent>().Where(c => c.OwnerIdNumber == ownerIdNumber).OrderBy(c => c.DeclaredAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
