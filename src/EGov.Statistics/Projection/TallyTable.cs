using System.Text.Json;
using System.Threading.Channels;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EGov.Dossiers.Lifecycle;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql.Tables;

namespace EGov.Statistics.Projection;

/// <summary>
/// Where the projection keeps its <see cref="DossierTally"/> per dossier: a plain table written with one upsert
/// per batch (arrays in, rows out), because a document store's one-upsert-per-document made a rebuild crawl at
/// 3,500 events/s. The watch lists read its columns; the fold's state travels in <c>data</c>.
/// </summary>
public static class TallyTable
{
    public const string QualifiedName = DailyTable.Schema + ".stats_tally";

    /// <summary>
    /// The tally as stored: the fold's state without what the fold never reads back (derived properties, the
    /// timeline, alarm keys, document lists, personal data), which halves what each batch writes and reads.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitUnread } },
    };

    private static readonly HashSet<string> Unread = new(StringComparer.Ordinal)
    {
        nameof(DossierState.CurrentStep), nameof(DossierState.ClockRunning), nameof(DossierState.Timeline),
        nameof(DossierState.RaisedAlarms), nameof(DossierState.DocumentIds), nameof(DossierState.ResultDocumentIds),
        nameof(DossierState.Details), nameof(DossierState.InvolvedUnits), nameof(DossierState.Applicant),
        nameof(DossierState.IdempotencyKey), nameof(DossierState.SubmittedBy),
    };

    private static void OmitUnread(JsonTypeInfo info)
    {
        if (info.Type != typeof(DossierState))
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.AttributeProvider is System.Reflection.MemberInfo m && Unread.Contains(m.Name)).ToArray())
        {
            info.Properties.Remove(property);
        }
    }

    // Name, SQL type and value of each column, in one place for the upsert, the bulk copy and the schema.
    private static readonly (string Name, string Type, Func<DossierTally, object?> Value)[] Fields =
    [
        ("id", "uuid", t => t.Id),
        ("unit", "text", t => t.Unit),
        ("holding_unit", "text", t => t.HoldingUnit),
        ("code", "text", t => t.Code),
        ("procedure_code", "text", t => t.ProcedureCode),
        ("procedure_name", "text", t => t.ProcedureName),
        ("in_progress", "bool", t => t.InProgress),
        ("overdue", "bool", t => t.Overdue),
        ("due_soon", "bool", t => t.DueSoon),
        ("due_at", "timestamptz", t => t.DueAt?.ToUniversalTime()),
        ("holding_step", "text", t => t.HoldingStep),
        ("holding_role", "text", t => t.HoldingRole),
        ("last_officer", "text", t => t.LastOfficer),
        ("last_acted_at", "timestamptz", t => t.LastActedAt == default ? null : t.LastActedAt.ToUniversalTime()),
        ("data", "text", t => JsonSerializer.Serialize(t, Json)),
    ];

    private static readonly string[] Columns = Fields.Select(f => f.Name).ToArray();
    private static readonly string[] Types = Fields.Select(f => f.Type).ToArray();

    public static Table SchemaObject()
    {
        var table = new Table(QualifiedName);
        table.AddColumn<Guid>("id").AsPrimaryKey();
        for (var i = 1; i < Columns.Length; i++)
        {
            var column = table.AddColumn(Columns[i], Types[i]);
            if (Types[i] is "bool" || Columns[i] is "unit" or "holding_unit" or "code" or "data")
            {
                column.NotNull();
            }
        }

        // The watch lists and the due-soon count read only the few flagged rows of a unit.
        table.Indexes.Add(new IndexDefinition("stats_tally_overdue_unit") { Columns = ["unit", "due_at"], Predicate = "overdue" });
        table.Indexes.Add(new IndexDefinition("stats_tally_overdue_holder") { Columns = ["holding_unit", "due_at"], Predicate = "overdue" });
        table.Indexes.Add(new IndexDefinition("stats_tally_due_soon_unit") { Columns = ["unit", "due_at"], Predicate = "due_soon" });
        table.Indexes.Add(new IndexDefinition("stats_tally_due_soon_holder") { Columns = ["holding_unit", "due_at"], Predicate = "due_soon" });
        return table;
    }

    public const string LoadSql = $"SELECT data FROM {QualifiedName} WHERE id = ANY(?)";

    public static string UpsertSql { get; } =
        $"INSERT INTO {QualifiedName} ({string.Join(", ", Columns)}) SELECT * FROM unnest("
        + string.Join(", ", Types.Select(t => $"?::{t}[]"))
        + ") ON CONFLICT (id) DO UPDATE SET "
        + string.Join(", ", Columns.Skip(1).Select(c => $"{c} = excluded.{c}"));

    public static DossierTally Read(string json) => JsonSerializer.Deserialize<DossierTally>(json, Json)!;

    public static object[] UpsertParameters(IReadOnlyCollection<DossierTally> tallies)
    {
        var t = tallies.ToArray();
        return Fields.Select(f => ColumnArray(f.Type, t.Select(f.Value))).ToArray();
    }

    // Npgsql infers an array parameter's type from its element type: typed arrays, not object[].
    private static object ColumnArray(string type, IEnumerable<object?> values) => type switch
    {
        "uuid" => values.Cast<Guid>().ToArray(),
        "bool" => values.Cast<bool>().ToArray(),
        "timestamptz" => values.Cast<DateTimeOffset?>().ToArray(),
        _ => values.Cast<string?>().ToArray(),
    };

    /// <summary>
    /// The bulk rebuild's write: every tally in one binary COPY, into a table emptied in the same transaction. The
    /// rows (their JSON most of all) are made on another thread while the previous chunk is written.
    /// </summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyCollection<DossierTally> tallies, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tallies);
        var rows = Channel.CreateBounded<object?[][]>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var making = Task.Run(async () =>
        {
            try
            {
                foreach (var chunk in tallies.Chunk(5_000))
                {
                    await rows.Writer.WriteAsync(chunk.Select(t => Fields.Select(f => f.Value(t)).ToArray()).ToArray(), cancellation).ConfigureAwait(false);
                }

                rows.Writer.Complete();
            }
            catch (Exception e)
            {
                rows.Writer.Complete(e);
                throw;
            }
        }, cancellation);

        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY {QualifiedName} ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", cancellation).ConfigureAwait(false))
        {
            await foreach (var chunk in rows.Reader.ReadAllAsync(cancellation).ConfigureAwait(false))
            {
                foreach (var row in chunk)
                {
                    // Synchronous writes: they only fill Npgsql's buffer, which flushes when full; no task per value.
                    writer.StartRow();
                    foreach (var value in row)
                    {
                        switch (value)
                        {
                            case null: writer.WriteNull(); break;
                            case string text: writer.Write(text, NpgsqlDbType.Text); break;
                            case Guid id: writer.Write(id, NpgsqlDbType.Uuid); break;
                            case bool flag: writer.Write(flag, NpgsqlDbType.Boolean); break;
                            case DateTimeOffset instant: writer.Write(instant, NpgsqlDbType.TimestampTz); break;
                            default: throw new InvalidOperationException($"No COPY writer for {value.GetType()}.");
                        }
                    }
                }
            }

            await writer.CompleteAsync(cancellation).ConfigureAwait(false);
        }

        await making.ConfigureAwait(false);
    }
}
