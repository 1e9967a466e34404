using System.Globalization;
using System.Text;
using Weasel.Postgresql.Tables;

namespace EGov.Statistics.Projection;

/// <summary>
/// The per unit, procedure and day counters of report II.06a: a plain table (not JSON documents) so that a
/// period's figures are one indexed aggregate over a few thousand narrow rows.
/// </summary>
public static class DailyTable
{
    public const string Schema = "egov";
    public const string Name = "stats_daily";
    public const string QualifiedName = Schema + "." + Name;

    public static Table SchemaObject()
    {
        var table = new Table(QualifiedName);
        table.AddColumn<string>("unit").AsPrimaryKey();
        table.AddColumn<string>("procedure").AsPrimaryKey();
        table.AddColumn("day", "date").AsPrimaryKey();
        foreach (var column in DailyCounters.Columns)
        {
            table.AddColumn<int>(column).NotNull().DefaultValueByString("0");
        }

        return table;
    }

    /// <summary>
    /// One statement per batch: the batch's changes arrive as parallel arrays and are added to existing rows.
    /// Positional <c>?</c> parameters are Marten's QueueSqlCommand convention.
    /// </summary>
    public static string UpsertSql { get; } = BuildUpsert();

    private static string BuildUpsert()
    {
        var columns = DailyCounters.Columns;
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {QualifiedName} AS d (unit, procedure, day, {string.Join(", ", columns)}) ");
        sql.Append("SELECT * FROM unnest(?::text[], ?::text[], ?::date[]");
        foreach (var _ in columns)
        {
            sql.Append(", ?::int[]");
        }

        sql.Append(") ON CONFLICT (unit, procedure, day) DO UPDATE SET ");
        sql.Append(string.Join(", ", columns.Select(c => $"{c} = d.{c} + excluded.{c}")));
        return sql.ToString();
    }

    /// <summary>The parameters of <see cref="UpsertSql"/> for a batch's changes.</summary>
    public static object[] UpsertParameters(IReadOnlyDictionary<DailyKey, DailyCounters> changes)
    {
        var keys = changes.Keys.ToArray();
        var parameters = new object[3 + DailyCounters.Columns.Length];
        parameters[0] = keys.Select(k => k.Unit).ToArray();
        parameters[1] = keys.Select(k => k.Procedure).ToArray();
        parameters[2] = keys.Select(k => k.Day).ToArray();
        var values = keys.Select(k => changes[k].Values()).ToArray();
        for (var c = 0; c < DailyCounters.Columns.Length; c++)
        {
            parameters[3 + c] = values.Select(v => v[c]).ToArray();
        }

        return parameters;
    }
}
