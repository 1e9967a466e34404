using Marten;
using JasperFx;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace EGov.Catalog;

/// <summary>
/// At start-up, before the host serves a request: records each procedure's (code, version) with the hash of its entry
/// the first time any node serves it, and refuses to start when a version already recorded arrives with other
/// content — a module changed a procedure without raising <c>ProcedureDefinition.Version</c>, so dossiers "submitted
/// under version n" would no longer say under which rules (docs/adr/0016-procedure-versions.md).
/// </summary>
public sealed class ProcedureVersionLedger(ProcedureCatalog catalog, IDocumentStore store, TimeProvider time) : IHostedService
{
    // WaitAsync: an Npgsql connection attempt to a server that never answers ends only at its connect timeout, and
    // SIGTERM during start-up must not wait for it (as the other start-up readers do).
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RecordAsync(cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Is(e, PostgresErrorCodes.UndefinedTable))
        {
            // A release that adds this table started on a schema an older db-apply made (outside Development).
            throw new InvalidOperationException(
                "Cơ sở dữ liệu chưa có bảng phiên bản thủ tục / The database has no procedure-version table (mt_doc_procedureversionrecord): "
                + "run `dotnet EGov.Host.dll db-apply` with this configuration first (docs/operations.md, \"Database schema\").", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Records the versions not seen before; throws <see cref="CatalogException"/> naming every changed one.</summary>
    public async Task RecordAsync(CancellationToken cancellationToken)
    {
        var current = catalog.Procedures
            .Select(p => (Procedure: p, Json: ProcedureSnapshot.Json(p)))
            .ToDictionary(x => ProcedureVersionRecord.IdOf(x.Procedure.Definition.Code, x.Procedure.Definition.Version), StringComparer.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            var stored = await LoadAsync(current.Keys, cancellationToken).ConfigureAwait(false);
            var changed = stored.Values.Where(r => r.Hash != ProcedureSnapshot.Hash(current[r.Id].Json)).Select(r => r.Id).Order(StringComparer.Ordinal).ToArray();
            if (changed.Length > 0)
            {
                throw new CatalogException(
                    $"Thủ tục đã thay đổi mà không tăng phiên bản / Procedure definitions changed without a new version: {string.Join(", ", changed)}. "
                    + "Raise ProcedureDefinition.Version for each (docs/adr/0016-procedure-versions.md); a recorded version is never rewritten.");
            }

            var now = time.GetUtcNow();
            var fresh = current.Where(c => !stored.ContainsKey(c.Key)).Select(c => new ProcedureVersionRecord
            {
                Id = c.Key,
                Code = c.Value.Procedure.Definition.Code,
                Version = c.Value.Procedure.Definition.Version,
                Module = c.Value.Procedure.Module,
                Hash = ProcedureSnapshot.Hash(c.Value.Json),
                Snapshot = c.Value.Json,
                FirstServedAt = now,
            }).ToArray();
            if (fresh.Length == 0)
            {
                return;
            }

            try
            {
                await using var session = store.LightweightSession();
                session.Insert(fresh);
                await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (attempt == 0 && Is(e, PostgresErrorCodes.UniqueViolation))
            {
                // Another node starting at the same instant recorded some first: compare with what it wrote.
            }
        }
    }

    private static bool Is(Exception e, string sqlState)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is PostgresException p && p.SqlState == sqlState || (sqlState == PostgresErrorCodes.UniqueViolation && x is DocumentAlreadyExistsException))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<Dictionary<string, ProcedureVersionRecord>> LoadAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var records = await session.LoadManyAsync<ProcedureVersionRecord>(cancellationToken, ids).ConfigureAwait(false);
        return records.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }
}
