using EGov.Documents.Model;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace EGov.Documents.Reuse;

/// <summary>How a dossier uses a vault document: as evidence the applicant supplied, or as the result it issued.</summary>
public static class ReferenceKinds
{
    public const string Evidence = "evidence";
    public const string Result = "result";
}

/// <summary>
/// The table of which dossiers reference which documents, kept by <see cref="DocumentReferenceProjection"/> in
/// the same transaction as the dossier's events. Rows are only ever inserted (never updated), so concurrent
/// dossiers citing the same identity card never overwrite each other.
/// </summary>
public static class DocumentReferences
{
    public const string Schema = "egov";
    public const string TableName = "document_references";

    public static Table SchemaObject()
    {
        var table = new Table($"{Schema}.{TableName}");
        table.AddColumn<Guid>("document_id").AsPrimaryKey();
        table.AddColumn<Guid>("dossier_id").AsPrimaryKey();
        table.AddColumn<string>("kind").AsPrimaryKey();
        table.AddColumn<string>("unit").NotNull();
        table.AddColumn("at", "timestamptz").NotNull();
        return table;
    }

    public static async Task<IReadOnlyList<DocumentReference>> ForAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<Guid> documentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(documentIds);
        if (documentIds.Count == 0)
        {
            return [];
        }

        var cmd = dataSource.CreateCommand($"SELECT document_id, dossier_id, kind, unit, at FROM {Schema}.{TableName} WHERE document_id = ANY($1)");
        await using (cmd.ConfigureAwait(false))
        {
            cmd.Parameters.AddWithValue(documentIds.ToArray());
            var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<DocumentReference>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(new DocumentReference(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                        reader.GetFieldValue<DateTimeOffset>(4)));
                }

                return rows;
            }
        }
    }

    public static async Task<bool> AnyAsync(NpgsqlTransaction transaction, Guid documentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var cmd = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {Schema}.{TableName} WHERE document_id = $1)", transaction.Connection, transaction);
        await using (cmd.ConfigureAwait(false))
        {
            cmd.Parameters.AddWithValue(documentId);
            return (bool)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }
}
