using System.Data;
using System.Runtime.CompilerServices;
using System.Text.Json;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Lifecycle;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace EGov.Dossiers.Sweeps;

/// <summary>One row of <c>egov.dossier_risk</c> as the sweep computed it, with the state fields the raise needs.</summary>
/// <param name="Threshold">The module's raise threshold (<see cref="Modules.Sdk.ForesightPolicy.RiskThreshold"/>), stored in the row.</param>
/// <param name="ClearBelow">The module's clear threshold (<see cref="Modules.Sdk.ForesightPolicy.RiskClearBelow"/>), from the same lookup; not stored.</param>
public sealed record RiskRow(DossierState State, RiskEstimate Estimate, double Threshold, double ClearBelow, bool Overdue)
{
    /// <summary>The reasons as the row stores them, made where the row is (in parallel) rather than in the single COPY.</summary>
    public string ReasonsJson { get; } = JsonSerializer.Serialize(Estimate.Reasons, RiskRows.ReasonJson);
}

/// <summary>
/// The sweep's reads and writes: the read model's documents as stored (<see cref="SweepDocuments"/> reads only what
/// the estimate needs; PostgreSQL no longer rebuilds every jsonb without its bulky keys: measured cheaper at
/// 1,000,000, docs/benchmarks.md "Foresight: cost"), streamed for a full sweep or in pages for a change scan; rows back with binary COPY: into the
/// fresh table of a full sweep (<see cref="FreshRiskTable"/>), or into a temporary table and one upsert per page.
/// </summary>
public static class RiskRows
{
    // A dossier the model can say something about: open, with a running clock or one stopped with time left.
    private const string Estimable = "d.is_open AND (d.due_at IS NOT NULL OR d.data ->> 'clockStopped' = 'true')";

    private static readonly string[] Columns =
    [
        "dossier_id", "code", "unit", "holding_unit", "procedure_code", "probability", "threshold", "at_risk", "overdue",
        "expected_remaining_seconds", "predicted_finish_at", "due_at", "reasons", "computed_at",
    ];

    internal static readonly JsonSerializerOptions ReasonJson = new(JsonSerializerDefaults.Web);

    private const string Temp = "risk_page";

    /// <summary>
    /// Every estimable open dossier's stored document, in pages of <paramref name="size"/>, by one streamed query (a
    /// sequential scan; no order is needed since a full sweep writes a fresh table). Each page is handed on as it fills,
    /// so the documents are parsed and estimated while PostgreSQL reads the next ones.
    /// </summary>
    public static async IAsyncEnumerable<List<byte[]>> OpenDocumentsAsync(
        NpgsqlConnection connection, IDocumentStore store, int size, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(store);
        await using var command = new NpgsqlCommand($"SELECT d.data FROM {Table(store)} d WHERE {Estimable}", connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        var page = new List<byte[]>(size);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(reader.GetFieldValue<byte[]>(0));
            if (page.Count == size)
            {
                yield return page;
                page = new List<byte[]>(size);
            }
        }

        if (page.Count > 0)
        {
            yield return page;
        }
    }

    /// <summary>The next page of the dossiers written since <paramref name="since"/> (open or not), by id.</summary>
    public static async Task<List<DossierState>> ChangedPageAsync(
        NpgsqlConnection connection, IDocumentStore store, JsonSerializerOptions slim, DateTimeOffset since, Guid after, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(store);
        await using var command = new NpgsqlCommand(
            $"SELECT d.data FROM {Table(store)} d WHERE d.mt_last_modified > $1 AND d.id > $2 ORDER BY d.id LIMIT $3", connection);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = since.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = after });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = size });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<DossierState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(SweepDocuments.Read(reader.GetFieldValue<byte[]>(0), slim));
        }

        return page;
    }

    private static string Table(IDocumentStore store) => store.Options.Schema.For<DossierState>();

    /// <summary>
    /// Writes the page: the rows upserted, and the rows of <paramref name="gone"/> (closed, resolved, no clock)
    /// deleted, in one transaction.
    /// </summary>
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<RiskRow> rows, IReadOnlyList<Guid> gone, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(gone);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE {Temp} (LIKE {RiskTable.QualifiedName}) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        if (rows.Count > 0)
        {
            await using (var copy = await BeginCopyAsync(connection, Temp, cancellationToken))
            {
                await WriteRowsAsync(copy, rows, computedAt, cancellationToken);
                await copy.CompleteAsync(cancellationToken);
            }

            await using var upsert = new NpgsqlCommand(
                $"INSERT INTO {RiskTable.QualifiedName} ({string.Join(", ", Columns)}) SELECT {string.Join(", ", Columns)} FROM {Temp} "
                + $"ON CONFLICT (dossier_id) DO UPDATE SET {string.Join(", ", Columns.Skip(1).Select(c => $"{c} = excluded.{c}"))}",
                connection, transaction);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (gone.Count > 0)
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {RiskTable.QualifiedName} WHERE dossier_id = ANY($1)", connection, transaction);
            delete.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. gone] });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A binary COPY of rows into <paramref name="table"/> (the columns of <c>egov.dossier_risk</c>).</summary>
    public static Task<NpgsqlBinaryImporter> BeginCopyAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
    }

    /// <summary>The rows into an open COPY.</summary>
    public static async Task WriteRowsAsync(NpgsqlBinaryImporter copy, IReadOnlyList<RiskRow> rows, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(rows);
        var at = computedAt.ToUniversalTime();
        foreach (var row in rows)
        {
            await WriteRowAsync(copy, row, at, cancellationToken);
        }
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter copy, RiskRow row, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        var s = row.State;
        var e = row.Estimate;
        await copy.StartRowAsync(cancellationToken);
        await copy.WriteAsync(s.Id, NpgsqlDbType.Uuid, cancellationToken);
        await copy.WriteAsync(s.Code, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(s.Unit, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(s.HoldingUnit ?? s.DeskUnit, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(s.ProcedureCode, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(e.Probability, NpgsqlDbType.Double, cancellationToken);
        await copy.WriteAsync(row.Threshold, NpgsqlDbType.Double, cancellationToken);
        await copy.WriteAsync(s.AtRisk, NpgsqlDbType.Boolean, cancellationToken);
        await copy.WriteAsync(row.Overdue, NpgsqlDbType.Boolean, cancellationToken);
        await copy.WriteAsync((long)e.ExpectedRemaining.TotalSeconds, NpgsqlDbType.Bigint, cancellationToken);
        await copy.WriteAsync(e.PredictedFinishAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        if (s.DueAt is { } due)
        {
            await copy.WriteAsync(due.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }

        await copy.WriteAsync(row.ReasonsJson, NpgsqlDbType.Jsonb, cancellationToken);
        await copy.WriteAsync(computedAt, NpgsqlDbType.TimestampTz, cancellationToken);
    }
}
