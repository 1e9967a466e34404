using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql.Tables;

namespace EGov.Statistics.Projection;

/// <summary>
/// Satisfaction answers per unit, procedure, local day and survey criterion: how many at each level. A table of its
/// own because the criteria are configuration (docs/satisfaction.md) and cannot be columns of <see cref="DailyTable"/>.
/// No month roll-up: answers are flows only (a period's sum of its day rows), never a stock summed since the start.
/// </summary>
public static class AnswerTable
{
    public const string Name = "stats_answers";
    public const string QualifiedName = DailyTable.Schema + "." + Name;

    public static Table SchemaObject()
    {
        var table = new Table(QualifiedName);
        table.AddColumn<string>("unit").AsPrimaryKey();
        table.AddColumn<string>("procedure").AsPrimaryKey();
        table.AddColumn("day", "date").AsPrimaryKey();
        table.AddColumn<string>("criterion").AsPrimaryKey();
        foreach (var column in Levels)
        {
            table.AddColumn<int>(column).NotNull().DefaultValueByString("0");
        }

        return table;
    }

    private static readonly string[] Levels = ["level_1", "level_2", "level_3"];

    /// <summary>A batch's answers added to the existing rows, in the daemon's transaction (positional <c>?</c>: Marten's QueueSqlCommand).</summary>
    public const string UpsertSql =
        $"""
         INSERT INTO {QualifiedName} AS a (unit, procedure, day, criterion, level_1, level_2, level_3)
         SELECT * FROM unnest(?::text[], ?::text[], ?::date[], ?::text[], ?::int[], ?::int[], ?::int[])
         ON CONFLICT (unit, procedure, day, criterion) DO UPDATE SET
           level_1 = a.level_1 + excluded.level_1, level_2 = a.level_2 + excluded.level_2, level_3 = a.level_3 + excluded.level_3
         """;

    /// <summary>One row per day key and criterion (distinct, as <c>ON CONFLICT DO UPDATE</c> requires).</summary>
    public static object[] UpsertParameters(IReadOnlyDictionary<DailyKey, DailyCounters> changes)
    {
        var rows = Rows(changes).ToArray();
        return
        [
            rows.Select(r => r.Key.Unit).ToArray(), rows.Select(r => r.Key.Procedure).ToArray(), rows.Select(r => r.Key.Day).ToArray(),
            rows.Select(r => r.Criterion).ToArray(), rows.Select(r => r.Levels[0]).ToArray(), rows.Select(r => r.Levels[1]).ToArray(),
            rows.Select(r => r.Levels[2]).ToArray(),
        ];
    }

    /// <summary>The bulk rebuild's write: every row in one binary COPY, into the table emptied in the same transaction.</summary>
    public static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyDictionary<DailyKey, DailyCounters> days, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {QualifiedName} (unit, procedure, day, criterion, level_1, level_2, level_3) FROM STDIN (FORMAT BINARY)",
            cancellation).ConfigureAwait(false);
        foreach (var (key, criterion, levels) in Rows(days))
        {
            await writer.StartRowAsync(cancellation).ConfigureAwait(false);
            await writer.WriteAsync(key.Unit, NpgsqlDbType.Text, cancellation).ConfigureAwait(false);
            await writer.WriteAsync(key.Procedure, NpgsqlDbType.Text, cancellation).ConfigureAwait(false);
            await writer.WriteAsync(key.Day, NpgsqlDbType.Date, cancellation).ConfigureAwait(false);
            await writer.WriteAsync(criterion, NpgsqlDbType.Text, cancellation).ConfigureAwait(false);
            foreach (var level in levels)
            {
                await writer.WriteAsync(level, NpgsqlDbType.Integer, cancellation).ConfigureAwait(false);
            }
        }

        await writer.CompleteAsync(cancellation).ConfigureAwait(false);
    }

    private static IEnumerable<(DailyKey Key, string Criterion, int[] Levels)> Rows(IReadOnlyDictionary<DailyKey, DailyCounters> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, counters) in changes)
        {
            if (counters.Answers is null)
            {
                continue;
            }

            foreach (var (criterion, levels) in counters.Answers)
            {
                yield return (key, criterion, levels);
            }
        }
    }
}
