using EGov.Calendar;
using EGov.Statistics.Model;
using EGov.Statistics.Projection;
using Npgsql;

namespace EGov.Statistics.Query;

/// <summary>Which list of <c>GET /api/v1/statistics/watch-list</c>.</summary>
public enum WatchListKind
{
    Overdue,
    DueSoon,
}

/// <summary>The overdue and due-soon lists: dossiers a unit owns or holds, most urgent first, from the projection's tallies.</summary>
public sealed class WatchListReader(NpgsqlDataSource db, BusinessTimeZone zone)
{
    public const int MaxLimit = 500;

    private const string Select =
        $$"""
         SELECT id, code, unit, procedure_code, procedure_name, due_at, holding_unit, holding_step, holding_role, last_officer, last_acted_at, overdue, due_soon
         FROM {{TallyTable.QualifiedName}}
         WHERE {0} AND ($1::text[] IS NULL OR unit = ANY($1) OR holding_unit = ANY($1)) AND ($2::text IS NULL OR last_officer = $2)
         ORDER BY due_at NULLS LAST, code
         LIMIT $3
         """;

    private static readonly string OverdueSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Select, "overdue");
    private static readonly string DueSoonSql = string.Format(System.Globalization.CultureInfo.InvariantCulture, Select, "due_soon");

    /// <param name="units">The units whose dossiers (owned or held) to list, or null for all.</param>
    public async Task<IReadOnlyList<WatchListEntry>> ReadAsync(IReadOnlyList<string>? units, WatchListKind kind, string? officer, int limit, CancellationToken cancellation)
    {
        await using var cmd = db.CreateCommand(kind == WatchListKind.Overdue ? OverdueSql : DueSoonSql);
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
                reader.GetString(6), Text(7), Text(8), Text(9), At(10) ?? default, reader.GetBoolean(11), reader.GetBoolean(12)));
        }

        return entries;
    }
}
