using EGov.Statistics.Projection;
using Npgsql;

namespace EGov.IntegrationTests.Statistics;

/// <summary>
/// The reader takes every stock from <c>stats_monthly</c> for whole months, so it must be exactly the month sums of
/// <c>stats_daily</c>: here they are summed in C# from the day rows, apart from the SQL that keeps them in step.
/// </summary>
internal static class MonthlyRollup
{
    private static readonly string Counters = string.Join(", ", DailyCounters.Columns);

    public static async Task AssertMatchesDailyAsync(string connectionString, string when)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        // One snapshot for both tables: a batch the projection commits in between must not show as a difference.
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var expected = new Dictionary<(string, string, DateOnly), long[]>();
        foreach (var (unit, procedure, day, values) in await ReadAsync(connection, $"SELECT unit, procedure, day, {Counters} FROM {DailyTable.QualifiedName}"))
        {
            var key = (unit, procedure, new DateOnly(day.Year, day.Month, 1));
            var sums = expected.TryGetValue(key, out var s) ? s : expected[key] = new long[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                sums[i] += values[i];
            }
        }

        var actual = (await ReadAsync(connection, $"SELECT unit, procedure, month, {Counters} FROM {MonthlyTable.QualifiedName}"))
            .ToDictionary(r => (r.Unit, r.Procedure, r.Date), r => r.Values);
        Assert.True(expected.Keys.Select(k => k.Item3).Distinct().Count() >= 2, $"{when}: the day rows span fewer than two months; the rollup was not exercised");
        var wrong = expected.Keys.Union(actual.Keys)
            .Where(k => !(expected.TryGetValue(k, out var e) && actual.TryGetValue(k, out var a) && e.SequenceEqual(a)))
            .Select(k => $"{k.Item1}/{k.Item2} {k.Item3:yyyy-MM-dd}: days [{string.Join(",", expected.GetValueOrDefault(k) ?? [])}] month [{string.Join(",", actual.GetValueOrDefault(k) ?? [])}]")
            .ToList();
        Assert.True(wrong.Count == 0, $"{when}: {wrong.Count} month row(s) differ from their days' sums, e.g. {string.Join("; ", wrong.Take(3))}");
    }

    /// <summary>Old content of every kind: wrong sums, a month row missing, rows of no day (another key, a mid-month date).</summary>
    public static async Task GarbleAsync(string connectionString)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        var t = MonthlyTable.QualifiedName;
        var plus = string.Join(", ", DailyCounters.Columns.Select((c, i) => $"{c} = {c} + {i + 1}"));
        var sevens = string.Join(", ", DailyCounters.Columns.Select(_ => "7"));
        await using var cmd = db.CreateCommand(
            $"""
             UPDATE {t} SET {plus};
             DELETE FROM {t} WHERE (unit, procedure, month) = (SELECT unit, procedure, month FROM {t} ORDER BY 1, 2, 3 LIMIT 1);
             INSERT INTO {t} (unit, procedure, month, {Counters}) VALUES ('NO-UNIT', 'NO-PROCEDURE', '2001-02-01', {sevens});
             INSERT INTO {t} (unit, procedure, month, {Counters}) SELECT unit, procedure, month + 14, {Counters} FROM {t} ORDER BY 1, 2, 3 LIMIT 1;
             """);
        await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>As a bulk rebuild runs it: after its own writes to the day rows, in its transaction.</summary>
    public static async Task RollUpAsync(string connectionString)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand(MonthlyTable.RollUpSql, connection, transaction))
        {
            await cmd.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    private static async Task<List<(string Unit, string Procedure, DateOnly Date, long[] Values)>> ReadAsync(NpgsqlConnection connection, string sql)
    {
        var ct = TestContext.Current.CancellationToken;
        var rows = new List<(string, string, DateOnly, long[])>();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2),
                Enumerable.Range(3, DailyCounters.Columns.Length).Select(i => (long)reader.GetInt32(i)).ToArray()));
        }

        return rows;
    }
}
