using EGov.Dossiers.Events;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace EGov.Documents.Reuse;

/// <summary>
/// The vault's only hook into dossiers: an inline projection over the dossier events that records which
/// documents each dossier cites (intake, supplements) and which it issued as its result. It runs in the dossier's
/// own transaction, reads nothing and only queues inserts, so it cannot make a dossier action fail on its own.
/// </summary>
public sealed class DocumentReferenceProjection : IProjection
{
    private const string Insert =
        $"INSERT INTO {DocumentReferences.Schema}.{DocumentReferences.TableName} (document_id, dossier_id, kind, unit, at) " +
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            var (ids, kind, meta) = e.Data switch
            {
                DossierSubmitted s => (s.DocumentIds, ReferenceKinds.Evidence, s.Meta),
                DossierSupplemented s => (s.DocumentIds, ReferenceKinds.Evidence, s.Meta),
                ResultIssued r => (r.ResultDocumentIds, ReferenceKinds.Result, r.Meta),
                _ => ((IReadOnlyList<Guid>)[], string.Empty, null),
            };
            if (meta is null)
            {
                continue;
            }

            foreach (var id in ids.Distinct())
            {
                operations.QueueSqlCommand(Insert, id, e.StreamId, kind, meta.Unit ?? string.Empty, meta.At);
            }
        }

        return Task.CompletedTask;
    }
}
