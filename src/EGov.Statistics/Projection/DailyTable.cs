using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
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

    public static Table SchemaObject() => CounterTable(QualifiedName, "day");

    /// <summary>A table of <see cref="DailyCounters.Columns"/> keyed by unit, procedure and a date column.</summary>
    internal static Table CounterTable(string qualifiedName, string dateColumn)
    {
        var table = new Table(qualifiedName);
        table.AddColumn<string>("unit").AsPrimaryKey();
        table.AddColumn<string>("procedure").AsPrimaryKey();
        table.AddColumn(dateColumn, "date").AsPrimaryKey();
        foreach (var column in DailyCounters.Columns)
        {
            table.AddColumn<int>(column).NotNull().DefaultValueByString("0");
        }

        return table;
    }

    /// <summary>
    /// One statement per batch: the batch's changes arrive as parallel arrays and are added to existing day rows,
    /// and their sums per month to <see cref="MonthlyTable"/>'s rows, so the two tables cannot drift apart (one
    /// statement, one transaction with the daemon's progress mark). The keys are distinct (a dictionary's), which
    /// <c>ON CONFLICT DO UPDATE</c> requires. Positional <c>?</c> parameters are Marten's QueueSqlCommand convention.
    /// </summary>
    public static string UpsertSql { get; } = BuildUpsert();

    private static string BuildUpsert()
    {
        var columns = DailyCounters.Columns;
        var list = string.Join(", ", columns);
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"WITH changes (unit, procedure, day, {list}) AS (SELECT * FROM unnest(?::text[], ?::text[], ?::date[]");
        sql.Append(string.Concat(columns.Select(_ => ", ?::int[]")));
        sql.Append(CultureInfo.InvariantCulture, $")), daily AS (INSERT INTO {QualifiedName} AS d (unit, procedure, day, {list}) SELECT * FROM changes ");
        sql.Append(CultureInfo.InvariantCulture, $"ON CONFLICT (unit, procedure, day) DO UPDATE SET {AddExcluded("d")}) ");
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO {MonthlyTable.QualifiedName} AS m (unit, procedure, month, {list}) ");
        sql.Append(CultureInfo.InvariantCulture, $"SELECT unit, procedure, {MonthlyTable.MonthOfDay}, {string.Join(", ", columns.Select(c => $"sum({c})::int"))} ");
        sql.Append(CultureInfo.InvariantCulture, $"FROM changes GROUP BY 1, 2, 3 ON CONFLICT (unit, procedure, month) DO UPDATE SET {AddExcluded("m")}");
        return sql.ToString();
    }

    private static string AddExcluded(string alias) => string.Join(", ", DailyCounters.Columns.Select(c => $"{c} = {alias}.{c} + excluded.{c}"));

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

    /// <summary>The bulk rebuild's write: every day row in one binary COPY, into a table emptied in the same transaction.</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyDictionary<DailyKey, DailyCounters> days, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(days);
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {QualifiedName} (unit, procedure, day, {string.Join(", ", DailyCounters.Columns)}) FROM STDIN (FORMAT BINARY)",
            cancellation).ConfigureAwait(false);
        foreach (var (key, counters) in days)
        {
            await writer.StartRowAsync(cancellation).ConfigureAwait(false);
            await writer.WriteAsync(key.Unit, NpgsqlDbType.Text, cancellation).ConfigureAwait(false);
            await writer.WriteAsync(key.Procedure, NpgsqlDbType.Text, cancellation).ConfigureAwait(false);
            await writer.WriteAsync(key.Day, NpgsqlDbType.Date, cancellation).ConfigureAwait(false);
            foreach (var value in counters.Values())
            {
                await writer.WriteAsync(value, NpgsqlDbType.Integer, cancellation).ConfigureAwait(false);
            }
        }

        await writer.CompleteAsync(cancellation).ConfigureAwait(false);
    }
}
