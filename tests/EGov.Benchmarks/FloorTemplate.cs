using System.Globalization;
using Npgsql;

namespace EGov.Benchmarks;

/// <summary>
/// The rows one desk intake leaves in the real schema (the stream row of <c>mt_streams</c>, its two
/// <c>mt_events</c> rows and its <c>mt_doc_dossierstate</c> document), copied as text from a dossier the host wrote,
/// so the floor writes rows of the same columns, types, sizes and indexes. A copy differs from its template only in
/// its keys: a new stream id wherever the old one appears (columns and JSON), a new event id and sequence number,
/// and a new code wherever the old one appears (the read model's unique code index).
/// </summary>
public sealed record FloorTemplate(
    string Schema,
    Guid StreamId,
    string Code,
    string CodeExpression,
    string EventSequence,
    FloorTable Streams,
    FloorTable Events,
    FloorTable Document)
{
    public string StreamIdText => StreamId.ToString("D");

    public static async Task<FloorTemplate> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var schema = (string?)await ScalarAsync(dataSource, "SELECT table_schema FROM information_schema.tables WHERE table_name = 'mt_doc_dossierstate' LIMIT 1", cancellationToken)
            ?? throw new InvalidOperationException("No mt_doc_dossierstate table: the host wrote no dossier.");
        var document = $"{schema}.mt_doc_dossierstate";
        var codeExpression = CodeIndexExpression((string?)await ScalarAsync(dataSource,
            $"SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid = '{document}'::regclass AND i.indisunique AND NOT i.indisprimary LIMIT 1",
            cancellationToken) ?? throw new InvalidOperationException($"{document} has no unique code index."));

        // A desk intake as the intake phase left it: version 2 (submitted, received), not yet acted on.
        var streamId = (Guid?)await ScalarAsync(dataSource,
            $"SELECT id FROM {schema}.mt_streams WHERE version = 2 ORDER BY timestamp DESC LIMIT 1", cancellationToken)
            ?? throw new InvalidOperationException("No stream of version 2 to copy.");
        var code = (string)(await ScalarAsync(dataSource, $"SELECT {codeExpression} FROM {document} WHERE id = '{streamId}'", cancellationToken))!;
        var sequence = (string?)await ScalarAsync(dataSource,
            $"SELECT sequence_schema || '.' || sequence_name FROM information_schema.sequences WHERE sequence_schema = '{schema}' AND sequence_name = 'mt_events_sequence'",
            cancellationToken) ?? throw new InvalidOperationException("No mt_events_sequence.");
        return new FloorTemplate(schema, streamId, code, codeExpression, sequence,
            await FloorTable.ReadAsync(dataSource, $"{schema}.mt_streams", "id", streamId, cancellationToken),
            await FloorTable.ReadAsync(dataSource, $"{schema}.mt_events", "stream_id", streamId, cancellationToken),
            await FloorTable.ReadAsync(dataSource, document, "id", streamId, cancellationToken));
    }

    /// <summary>The expression of <c>CREATE UNIQUE INDEX ... USING btree (expr)</c>, so lookups use that index.</summary>
    public static string CodeIndexExpression(string indexDefinition)
    {
        ArgumentNullException.ThrowIfNull(indexDefinition);
        const string marker = "USING btree (";
        var start = indexDefinition.IndexOf(marker, StringComparison.Ordinal);
        var end = indexDefinition.LastIndexOf(')');
        return start < 0 || end < start ? throw new FormatException($"Not a btree index: {indexDefinition}") : indexDefinition[(start + marker.Length)..end];
    }

    /// <summary>The template's JSON sizes, for the report.</summary>
    public int Bytes(FloorTable table) => table.Rows.Sum(r => r.Sum(v => v?.Length ?? 0));

    private static async Task<object?> ScalarAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        var value = await cmd.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}

/// <summary>A column of a template table: its name, its SQL type and whether it has a default.</summary>
public sealed record FloorColumn(string Name, string Type);

/// <summary>A table's columns and the template rows in it, every value as PostgreSQL's text form (null for NULL).</summary>
public sealed record FloorTable(string Name, IReadOnlyList<FloorColumn> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows)
{
    public static async Task<FloorTable> ReadAsync(NpgsqlDataSource dataSource, string table, string keyColumn, Guid key, CancellationToken cancellationToken)
    {
        var columns = new List<FloorColumn>();
        await using (var cmd = dataSource.CreateCommand(
            "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum"))
        {
            cmd.Parameters.AddWithValue(table);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add(new FloorColumn(reader.GetString(0), reader.GetString(1)));
            }
        }

        var order = columns.Any(c => c.Name == "version") && table.EndsWith("mt_events", StringComparison.Ordinal) ? " ORDER BY version" : string.Empty;
        var rows = new List<IReadOnlyList<string?>>();
        await using (var cmd = dataSource.CreateCommand(
            $"SELECT {string.Join(", ", columns.Select(c => $"\"{c.Name}\"::text"))} FROM {table} WHERE \"{keyColumn}\" = $1{order}"))
        {
            cmd.Parameters.AddWithValue(key);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(Enumerable.Range(0, columns.Count).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i)).ToArray());
            }
        }

        return rows.Count == 0 ? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"No template row in {table} for {key}.")) : new FloorTable(table, columns, rows);
    }
}
