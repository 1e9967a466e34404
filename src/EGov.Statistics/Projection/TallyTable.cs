using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EGov.Dossiers.Lifecycle;
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

    private static readonly string[] Columns =
    [
        "id", "unit", "holding_unit", "code", "procedure_code", "procedure_name", "in_progress", "overdue", "due_soon",
        "due_at", "holding_step", "holding_role", "last_officer", "last_acted_at", "data",
    ];

    private static readonly string[] Types =
    [
        "uuid", "text", "text", "text", "text", "text", "bool", "bool", "bool", "timestamptz", "text", "text", "text", "timestamptz", "text",
    ];

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
        return
        [
            t.Select(x => x.Id).ToArray(),
            t.Select(x => x.Unit).ToArray(),
            t.Select(x => x.HoldingUnit).ToArray(),
            t.Select(x => x.Code).ToArray(),
            t.Select(x => x.ProcedureCode).ToArray(),
            t.Select(x => x.ProcedureName).ToArray(),
            t.Select(x => x.InProgress).ToArray(),
            t.Select(x => x.Overdue).ToArray(),
            t.Select(x => x.DueSoon).ToArray(),
            t.Select(x => x.DueAt?.ToUniversalTime()).ToArray(),
            t.Select(x => x.HoldingStep).ToArray(),
            t.Select(x => x.HoldingRole).ToArray(),
            t.Select(x => x.LastOfficer).ToArray(),
            t.Select(x => x.LastActedAt == default ? (DateTimeOffset?)null : x.LastActedAt.ToUniversalTime()).ToArray(),
            t.Select(x => JsonSerializer.Serialize(x, Json)).ToArray(),
        ];
    }
}
