using EGov.Documents.Access;
using EGov.Documents.Model;
using EGov.Documents.Reuse;
using EGov.Documents.Storage;
using EGov.Documents.Upload;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;
using JasperFx;
using Marten;
using Marten.Services;
using Npgsql;

namespace EGov.Documents;

/// <summary>What the uploader says about a new document (the bytes say the rest).</summary>
public sealed record NewDocument(string OwnerIdNumber, string Type, string ContentType, string? Issuer, DateOnly? IssuedOn, DateOnly? ExpiresOn);

/// <summary>
/// The vault's operations over PostgreSQL and the blob stores: commit an upload atomically, gather the facts an
/// access decision needs, append to the access log, stream bytes out, delete.
/// </summary>
public sealed class DocumentVault(IDocumentStore store, NpgsqlDataSource dataSource, BlobStores blobs, PlatformClock clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// Stores a spooled upload, or returns the owner's existing document with the same bytes. Metadata and bytes
    /// commit in one transaction; on any failure (including the caller going away) both are gone.
    /// </summary>
    public async Task<(VaultDocument Document, bool Created)> SaveAsync(UploadSpool spool, NewDocument meta, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spool);
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(caller);
        var id = VaultDocument.IdFor(meta.OwnerIdNumber, spool.Sha256);
        if (await LoadAsync(id, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (existing, false);
        }

        var blobStore = blobs.Current;
        var document = new VaultDocument
        {
            Id = id,
            OwnerIdNumber = meta.OwnerIdNumber,
            OwnerKind = OwnerId.KindOf(meta.OwnerIdNumber)!.Value,
            Sha256 = spool.Sha256,
            Type = meta.Type,
            Issuer = meta.Issuer,
            IssuedOn = meta.IssuedOn,
            ExpiresOn = meta.ExpiresOn,
            Size = spool.Size,
            ContentType = meta.ContentType,
            Store = blobStore.Name,

            // A fresh key per attempt: the loser of a race between two identical uploads removes only its own bytes.
            BlobKey = Guid.NewGuid().ToString("N"),
            UploadedAt = clock.GetUtcNow(),
            UploadedBy = caller.Subject,
            UploadedByUnit = caller.Unit,
        };

        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                try
                {
                    var content = spool.OpenRead();
                    await using (content.ConfigureAwait(false))
                    {
                        await blobStore.WriteAsync(document.BlobKey, content, transaction, cancellationToken).ConfigureAwait(false);
                    }

                    await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
                    session.Insert(document);
                    await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return (document, true);
                }
                catch (DocumentAlreadyExistsException)
                {
                    // The same bytes for the same owner committed meanwhile: that document is the answer.
                    await blobStore.AbortWriteAsync(document.BlobKey).ConfigureAwait(false);
                    return (await LoadAsync(id, CancellationToken.None).ConfigureAwait(false) ?? throw new InvalidOperationException("A committed document vanished."), false);
                }
                catch
                {
                    await blobStore.AbortWriteAsync(document.BlobKey).ConfigureAwait(false);
                    throw;
                }
            }
        }
    }

    public async Task<VaultDocument?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<VaultDocument>(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DocumentFacts?> FactsAsync(Guid id, CancellationToken cancellationToken)
    {
        var document = await LoadAsync(id, cancellationToken).ConfigureAwait(false);
        return document is null ? null : (await FactsAsync([document], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>The facts of several documents with three queries, whatever their number.</summary>
    public async Task<IReadOnlyList<DocumentFacts>> FactsAsync(IReadOnlyList<VaultDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            return [];
        }

        var ids = documents.Select(d => d.Id).ToArray();
        var references = await DocumentReferences.ForAsync(dataSource, ids, cancellationToken).ConfigureAwait(false);
        await using var session = store.QuerySession();
        var grants = await session.Query<DocumentGrant>().Where(g => g.DocumentId.IsOneOf(ids)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var dossierIds = references.Select(r => r.DossierId).Distinct().ToArray();
        var dossiers = dossierIds.Length == 0 ? [] : await session.LoadManyAsync<DossierState>(cancellationToken, dossierIds).ConfigureAwait(false);
        return documents.Select(d =>
        {
            // A dossier counts only when its applicant owns the document: citing an id gives no one else's papers away.
            var own = dossiers.Where(s => string.Equals(s.Applicant.IdNumber, d.OwnerIdNumber, StringComparison.Ordinal)).ToDictionary(s => s.Id);
            var refs = references.Where(r => r.DocumentId == d.Id && own.ContainsKey(r.DossierId)).ToArray();
            return new DocumentFacts(d, refs.Select(r => own[r.DossierId]).Distinct().ToArray(), refs, grants.Where(g => g.DocumentId == d.Id).ToArray());
        }).ToArray();
    }

    public async Task<IReadOnlyList<VaultDocument>> OfOwnerAsync(string ownerIdNumber, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<VaultDocument>().Where(d => d.OwnerIdNumber == ownerIdNumber)
            .OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends the access-log entries and commits them before anything is shown: no read goes unrecorded.</summary>
    public async Task LogAsync(IEnumerable<(VaultDocument Document, string Purpose)> reads, string kind, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reads);
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        foreach (var (document, purpose) in reads)
        {
            session.Insert(new AccessLogEntry
            {
                Id = Guid.CreateVersion7(),
                DocumentId = document.Id,
                OwnerIdNumber = document.OwnerIdNumber,
                At = now,
                Actor = caller.Subject,
                Unit = caller.Unit,
                Purpose = purpose,
                Kind = kind,
            });
        }

        await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AccessLogEntry>> AccessLogAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.Query<AccessLogEntry>().Where(e => e.DocumentId == documentId)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<Stream?> OpenContentAsync(VaultDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blobStore = blobs.Find(document.Store)
            ?? throw new InvalidOperationException($"Document {document.Id} lives in blob store '{document.Store}', which is not configured.");
        return blobStore.OpenReadAsync(document.BlobKey, cancellationToken);
    }

    public async Task<DocumentGrant> GrantAsync(VaultDocument document, string unit, string purpose, DateTimeOffset until, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(caller);
        var grant = new DocumentGrant
        {
            Id = Guid.CreateVersion7(),
            DocumentId = document.Id,
            OwnerIdNumber = document.OwnerIdNumber,
            Unit = unit,
            Purpose = purpose,
            Until = until,
            GrantedAt = clock.GetUtcNow(),
            GrantedBy = caller.Subject,
        };
        await using var session = store.LightweightSession();
        session.Insert(grant);
        await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return grant;
    }

    /// <summary>Revokes a grant (kept as a record); false when the document has no such grant.</summary>
    public async Task<bool> RevokeAsync(Guid documentId, Guid grantId, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var session = store.LightweightSession();
        var grant = await session.LoadAsync<DocumentGrant>(grantId, cancellationToken).ConfigureAwait(false);
        if (grant is null || grant.DocumentId != documentId)
        {
            return false;
        }

        if (grant.RevokedAt is null)
        {
            grant.RevokedAt = clock.GetUtcNow();
            grant.RevokedBy = caller.Subject;
            session.Update(grant);
            await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// Deletes a document no dossier has ever cited (a cited one is part of an administrative record the law keeps):
    /// metadata, grants and bytes in one transaction. The access log stays. False when a dossier cites it.
    /// </summary>
    public async Task<bool> DeleteAsync(VaultDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blobStore = blobs.Find(document.Store)
            ?? throw new InvalidOperationException($"Document {document.Id} lives in blob store '{document.Store}', which is not configured.");
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // A dossier citing the document in the instant between this check and the commit would cite a deleted id;
                // intake does not lock vault rows, and the owner deleting while applying with the same paper is their own race.
                if (await DocumentReferences.AnyAsync(transaction, document.Id, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                await blobStore.DeleteAsync(document.BlobKey, transaction, cancellationToken).ConfigureAwait(false);
                await using (var session = store.LightweightSession(SessionOptions.ForTransaction(transaction)))
                {
                    session.Delete<VaultDocument>(document.Id);
                    session.DeleteWhere<DocumentGrant>(g => g.DocumentId == document.Id);
                    await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await blobStore.PurgeAsync(document.BlobKey).ConfigureAwait(false);
        return true;
    }
}
