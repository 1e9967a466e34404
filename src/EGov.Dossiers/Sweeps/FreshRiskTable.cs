using EGov.Dossiers.Foresight;
using Npgsql;

namespace EGov.Dossiers.Sweeps;

/// <summary>
/// A full sweep's table: <c>egov.dossier_risk_next</c>, created bare (no index, so the COPY checks nothing per row),
/// filled by one COPY, given the live table's indexes and statistics, then swapped in by one short transaction that
/// drops the live table and renames this one and its indexes to the live names. Until the swap the readers (work list,
/// watch list) read the previous sweep's rows untouched; a sweep that dies midway leaves them so, and the next full
/// sweep drops the half-filled table first. 1,000,000 upserts instead left 1,000,000 dead tuples and index entries
/// to write and vacuum (docs/benchmarks.md, "Foresight: cost").
/// </summary>
public static class FreshRiskTable
{
    public const string Name = RiskTable.Name + "_next";
    public const string QualifiedName = RiskTable.Schema + "." + Name;

    // Index names of the fresh table until the swap: the live ones with this suffix (PostgreSQL names are ≤ 63 bytes).
    private const string Suffix = "_next";
    private const int MaxName = 63;

    /// <summary>Drops what a sweep that died left, and creates the bare table.</summary>
    public static async Task CreateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await ExecuteAsync(connection, null,
            $"DROP TABLE IF EXISTS {QualifiedName}; CREATE TABLE {QualifiedName} (LIKE {RiskTable.QualifiedName} INCLUDING DEFAULTS)",
            cancellationToken);
    }

    /// <summary>
    /// Builds the live table's indexes (and primary key) on the filled table, then swaps it in; returns how many live
    /// rows had no successor (dossiers closed, resolved, or stopped without time since the last sweep).
    /// </summary>
    public static async Task<int> SwapInAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var indexes = await LiveIndexesAsync(connection, cancellationToken);
        foreach (var index in indexes)
        {
            await ExecuteAsync(connection, null, index.CreateOnFresh(), cancellationToken);
            if (index.PrimaryKey)
            {
                await ExecuteAsync(connection, null,
                    $"ALTER TABLE {QualifiedName} ADD CONSTRAINT {index.FreshName} PRIMARY KEY USING INDEX {index.FreshName}", cancellationToken);
            }
        }

        await ExecuteAsync(connection, null, $"ANALYZE {QualifiedName}", cancellationToken);

        // Only the sweep writes the live table, and it holds the sweep's lock: the count stays true until the swap.
        int gone;
        await using (var count = new NpgsqlCommand(
            $"SELECT count(*) FROM {RiskTable.QualifiedName} o WHERE NOT EXISTS (SELECT 1 FROM {QualifiedName} n WHERE n.dossier_id = o.dossier_id)",
            connection) { CommandTimeout = 0 })
        {
            gone = (int)(long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var renames = string.Concat(indexes.Select(i => $"; ALTER INDEX {RiskTable.Schema}.{i.FreshName} RENAME TO {i.Name}"));
        await ExecuteAsync(connection, transaction,
            $"DROP TABLE {RiskTable.QualifiedName}; ALTER TABLE {QualifiedName} RENAME TO {RiskTable.Name}{renames}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return gone;
    }

    private sealed record LiveIndex(string Name, string Definition, bool PrimaryKey)
    {
        public string FreshName => Name.Length + Suffix.Length <= MaxName ? Name + Suffix : Name[..(MaxName - Suffix.Length)] + Suffix;

        // pg_get_indexdef: "CREATE [UNIQUE] INDEX name ON [schema.]dossier_risk USING btree (...)"; the method and
        // columns are kept, the name and the table replaced.
        public string CreateOnFresh()
        {
            var unique = Definition.StartsWith("CREATE UNIQUE ", StringComparison.Ordinal) ? "UNIQUE " : string.Empty;
            var rest = Definition[Definition.IndexOf(" USING ", StringComparison.Ordinal)..];
            return $"CREATE {unique}INDEX {FreshName} ON {QualifiedName}{rest}";
        }
    }

    private static async Task<List<LiveIndex>> LiveIndexesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname, pg_get_indexdef(x.indexrelid), x.indisprimary
              FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
             WHERE x.indrelid = $1::regclass
             ORDER BY x.indisprimary DESC, c.relname
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = RiskTable.QualifiedName });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var indexes = new List<LiveIndex>();
        while (await reader.ReadAsync(cancellationToken))
        {
            indexes.Add(new LiveIndex(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        }

        return indexes;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
