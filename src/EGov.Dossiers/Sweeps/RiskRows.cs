using System.Text.Json;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Lifecycle;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace EGov.Dossiers.Sweeps;

/// <summary>One row of <c>egov.dossier_risk</c> as the sweep computed it, with the state fields the raise needs.</summary>
public sealed record RiskRow(DossierState State, RiskEstimate Estimate, double Threshold, bool Overdue);

/// <summary>
/// The sweep's reads and writes: open dossiers in pages of the read model (the document without what the estimator
/// never reads: timeline, applicant, details, document lists), and the page's rows back with one binary COPY into a
/// temporary table and one upsert.
/// </summary>
public static class RiskRows
{
    // The document minus its bulky parts: the rest still deserializes as a DossierState.
    private const string Narrow =
        "d.data - ARRAY['timeline', 'applicant', 'details', 'documentIds', 'resultDocumentIds', 'raisedAlarms', 'involvedUnits', "
        + "'searchName', 'idempotencyKey', 'intakeFingerprint', 'ratingAnswers', 'apologyDraft']";

    // A dossier the model can say something about: open, with a running clock or one stopped with time left.
    private const string Estimable = "d.is_open AND (d.due_at IS NOT NULL OR d.data ->> 'clockStopped' = 'true')";

    private static readonly string[] Columns =
    [
        "dossier_id", "code", "unit", "holding_unit", "procedure_code", "probability", "threshold", "at_risk", "overdue",
        "expected_remaining_seconds", "predicted_finish_at", "due_at", "reasons", "computed_at",
    ];

    private static readonly JsonSerializerOptions ReasonJson = new(JsonSerializerDefaults.Web);

    private const string Temp = "risk_page";

    /// <summary>The next page of every estimable open dossier after <paramref name="after"/>, by id.</summary>
    public static Task<List<DossierState>> OpenPageAsync(NpgsqlConnection connection, IDocumentStore store, Guid after, int size, CancellationToken cancellationToken) =>
        ReadAsync(connection, store,
            $"SELECT d.id, {Narrow} FROM {Table(store)} d WHERE {Estimable} AND d.id > $1 ORDER BY d.id LIMIT $2",
            [new NpgsqlParameter<Guid> { TypedValue = after }, new NpgsqlParameter<int> { TypedValue = size }], cancellationToken);

    /// <summary>The next page of the dossiers written since <paramref name="since"/> (open or not), by id.</summary>
    public static Task<List<DossierState>> ChangedPageAsync(NpgsqlConnection connection, IDocumentStore store, DateTimeOffset since, Guid after, int size, CancellationToken cancellationToken) =>
        ReadAsync(connection, store,
            $"SELECT d.id, {Narrow} FROM {Table(store)} d WHERE d.mt_last_modified > $1 AND d.id > $2 ORDER BY d.id LIMIT $3",
            [
                new NpgsqlParameter<DateTimeOffset> { TypedValue = since.ToUniversalTime() },
                new NpgsqlParameter<Guid> { TypedValue = after },
                new NpgsqlParameter<int> { TypedValue = size },
            ], cancellationToken);

    private static string Table(IDocumentStore store) => store.Options.Schema.For<DossierState>();

    private static async Task<List<DossierState>> ReadAsync(NpgsqlConnection connection, IDocumentStore store, string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        var serializer = store.Options.Serializer();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<DossierState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(serializer.FromJson<DossierState>(reader, 1));
        }

        return page;
    }

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
            await using (var copy = await connection.BeginBinaryImportAsync(
                $"COPY {Temp} ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken))
            {
                foreach (var row in rows)
                {
                    await WriteRowAsync(copy, row, computedAt, cancellationToken);
                }

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

    /// <summary>After a full sweep: every row it did not write belongs to a dossier that no longer has a deadline.</summary>
    public static async Task<int> DeleteOlderThanAsync(NpgsqlConnection connection, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var delete = new NpgsqlCommand($"DELETE FROM {RiskTable.QualifiedName} WHERE computed_at < $1", connection);
        delete.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = computedAt.ToUniversalTime() });
        return await delete.ExecuteNonQueryAsync(cancellationToken);
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

        await copy.WriteAsync(JsonSerializer.Serialize(e.Reasons, ReasonJson), NpgsqlDbType.Jsonb, cancellationToken);
        await copy.WriteAsync(computedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
    }
}
