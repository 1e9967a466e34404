using System.Globalization;
using EGov.Calendar;
using EGov.Dossiers.Foresight;
using EGov.Statistics.Model;
using EGov.Statistics.Projection;
using Npgsql;

namespace EGov.Statistics.Query;

/// <summary>Which list of <c>GET /api/v1/statistics/watch-list</c>.</summary>
public enum WatchListKind
{
    Overdue,
    DueSoon,

    /// <summary>Flagged at risk or over the module's threshold, not yet overdue (docs/foresight.md), highest probability first.</summary>
    AtRisk,
}

/// <summary>
/// The overdue, due-soon and at-risk lists: dossiers a unit owns or holds, most urgent first. Overdue and due soon come
/// from the projection's tallies; at risk from the risk sweep's table (<see cref="RiskTable"/>), with the tally for who
/// holds the dossier. The escalation level is the read model's, so a list never shows a level the dossier left.
/// </summary>
public sealed class WatchListReader(NpgsqlDataSource db, BusinessTimeZone zone)
{
    public const int MaxLimit = 500;

    // The dossier read model (Marten's DossierState document, camelCase JSON): the escalation level in force.
    private const string ReadModel = "egov.mt_doc_dossierstate";
    private const string Escalation = "coalesce((d.data ->> 'escalationLevel')::int, 0)";

    private const string Select =
        $$"""
         SELECT t.id, t.code, t.unit, t.procedure_code, t.procedure_name, t.due_at, t.holding_unit, t.holding_step, t.holding_role,
                t.last_officer, t.last_acted_at, t.overdue, t.due_soon, {{Escalation}}, NULL::double precision, NULL::jsonb
         FROM {{TallyTable.QualifiedName}} t
         LEFT JOIN {{ReadModel}} d ON d.id = t.id
         WHERE t.{0} AND ($1::text[] IS NULL OR t.unit = ANY($1) OR t.holding_unit = ANY($1)) AND ($2::text IS NULL OR t.last_officer = $2)
         ORDER BY t.due_at NULLS LAST, t.code
         LIMIT $3
         """;

    private static readonly string OverdueSql = string.Format(CultureInfo.InvariantCulture, Select, "overdue");
    private static readonly string DueSoonSql = string.Format(CultureInfo.InvariantCulture, Select, "due_soon");

    // The risk row knows the dossier's code, units and due instant even before the statistics projection has counted
    // it; the tally adds the step, the role and the last officer when it has. The condition is applied inside the
    // subquery, where its column names are the risk table's alone. A dossier decided or closed since the last sweep
    // keeps its row until the next one deletes it: the read model leaves it out at once.
    private static readonly string AtRiskSql =
        $$"""
         SELECT r.dossier_id, r.code, r.unit, r.procedure_code, coalesce(t.procedure_name, ''), r.due_at, r.holding_unit, t.holding_step,
                t.holding_role, t.last_officer, t.last_acted_at, coalesce(t.overdue, false), coalesce(t.due_soon, false), {{Escalation}},
                r.probability, r.reasons -> 0
         FROM (SELECT * FROM {{RiskTable.QualifiedName}}
               WHERE {{RiskTable.AtRiskCondition}} AND ($1::text[] IS NULL OR unit = ANY($1) OR holding_unit = ANY($1))) r
         LEFT JOIN {{TallyTable.QualifiedName}} t ON t.id = r.dossier_id
         LEFT JOIN {{ReadModel}} d ON d.id = r.dossier_id
         WHERE (d.data ->> 'resolvedAt') IS NULL AND ($2::text IS NULL OR t.last_officer = $2)
         ORDER BY r.probability DESC, r.due_at NULLS LAST, r.code
         LIMIT $3
         """;

    /// <param name="units">The units whose dossiers (owned or held) to list, or null for all.</param>
    public async Task<IReadOnlyList<WatchListEntry>> ReadAsync(IReadOnlyList<string>? units, WatchListKind kind, string? officer, int limit, CancellationToken cancellation)
    {
        await using var cmd = db.CreateCommand(kind switch
        {
            WatchListKind.Overdue => OverdueSql,
            WatchListKind.DueSoon => DueSoonSql,
            _ => AtRiskSql,
        });
        cmd.Parameters.Add(StatisticsReader.UnitsParameter(units));
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)officer ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await cmd.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var entries = new List<WatchListEntry>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            DateTimeOffset? At(int i) => reader.IsDBNull(i) ? null : zone.InZone(reader.GetFieldValue<DateTimeOffset>(i));
            entries.Add(new WatchListEntry(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), Text(3) ?? string.Empty, Text(4) ?? string.Empty, At(5),
                reader.GetString(6), Text(7), Text(8), Text(9), At(10) ?? default, reader.GetBoolean(11), reader.GetBoolean(12))
            {
                EscalationLevel = reader.GetInt32(13),
                Probability = reader.IsDBNull(14) ? null : reader.GetDouble(14),
                Reason = reader.IsDBNull(15) ? null : TopReason(reader.GetString(15)),
            });
        }

        return entries;
    }

    // The sweep writes the reasons most telling first (RiskReason[] in camelCase): the list shows the first.
    private static BilingualText? TopReason(string json)
    {
        using var reason = System.Text.Json.JsonDocument.Parse(json);
        var root = reason.RootElement;
        return root.ValueKind == System.Text.Json.JsonValueKind.Object
            && root.TryGetProperty("vi", out var vi) && root.TryGetProperty("en", out var en)
            ? new BilingualText(vi.GetString() ?? string.Empty, en.GetString() ?? string.Empty)
            : null;
    }
}
