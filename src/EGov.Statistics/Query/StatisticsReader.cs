using System.Globalization;
using EGov.Calendar;
using EGov.Catalog;
using EGov.Dossiers.Satisfaction;
using EGov.Kernel;
using EGov.Statistics.Model;
using EGov.Statistics.Projection;
using Npgsql;

namespace EGov.Statistics.Query;

/// <summary>
/// Reads a report from the projection in one round trip: the period's and the previous period's figures per unit
/// and procedure, the daily trend and how far the projection has got.
/// </summary>
public sealed class StatisticsReader(NpgsqlDataSource db, ProcedureCatalog catalog, PlatformClock clock, BusinessTimeZone zone, SatisfactionSurvey survey)
{
    private static readonly string FiguresSql = BuildFiguresSql();

    // The trend's overdue count is a running sum of every change up to each day: month rows stand in for the day rows
    // of the months before the month of $2.
    private static readonly string DailySql =
        $"""
         SELECT unit, day, received, resolved, late, overdue FROM (
           SELECT unit, day, sum(received)::bigint AS received, sum(resolved)::bigint AS resolved, sum(late)::bigint AS late,
                  sum(sum(overdue_delta)) OVER (PARTITION BY unit ORDER BY day)::bigint AS overdue
           FROM (
             SELECT unit, month AS day, 0 AS received, 0 AS resolved, 0 AS late, overdue_delta
             FROM {MonthlyTable.QualifiedName}
             WHERE ($1::text[] IS NULL OR unit = ANY($1)) AND month < {MonthOf("$2")}
             UNION ALL
             SELECT unit, day, received_online + received_direct,
                    resolved_early + resolved_on_time + resolved_late, resolved_late, overdue_delta
             FROM {DailyTable.QualifiedName}
             WHERE ($1::text[] IS NULL OR unit = ANY($1)) AND day BETWEEN {MonthOf("$2")} AND $3) r
           GROUP BY unit, day) x
         WHERE day >= $2
         ORDER BY unit, day
         """;

    private const string ProgressSql =
        $"SELECT coalesce(max(last_seq_id), 0) FROM egov.mt_event_progression WHERE name = '{StatisticsProjection.Name}:All'";

    /// <summary>The last event sequence the projection has counted (0 before its first batch).</summary>
    public async Task<long> ProjectedThroughAsync(CancellationToken cancellation)
    {
        await using var cmd = db.CreateCommand(ProgressSql);
        return (long)(await cmd.ExecuteScalarAsync(cancellation).ConfigureAwait(false))!;
    }

    /// <param name="units">The units to report, or null for every unit.</param>
    public async Task<StatisticsReport> ReadAsync(IReadOnlyList<string>? units, Period period, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(period);
        var previous = PreviousOf(period);
        await using var connection = await db.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command(FiguresSql, UnitsParameter(units), new() { Value = period.From }, new() { Value = period.To }, new() { Value = previous.From }, new() { Value = previous.To }));
        batch.BatchCommands.Add(Command(ProgressSql));
        batch.BatchCommands.Add(Command(DailySql, UnitsParameter(units), new() { Value = period.From }, new() { Value = period.To }));
        batch.BatchCommands.Add(Command(AnswerCounts.Sql, UnitsParameter(units), new() { Value = period.From }, new() { Value = period.To }, new() { Value = previous.From }, new() { Value = previous.To }));
        await using var reader = await batch.ExecuteReaderAsync(cancellation).ConfigureAwait(false);

        var current = new Dictionary<(string Unit, string Procedure), FigureRow>();
        var before = new Dictionary<(string Unit, string Procedure), FigureRow>();
        var width = FigureRow.Aggregates.Length;
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            current[key] = FigureRow.From(Enumerable.Range(2, width).Select(reader.GetInt64).ToArray());
            before[key] = FigureRow.From(Enumerable.Range(2 + width, width).Select(reader.GetInt64).ToArray());
        }

        await reader.NextResultAsync(cancellation).ConfigureAwait(false);
        await reader.ReadAsync(cancellation).ConfigureAwait(false);
        var through = reader.GetInt64(0);

        await reader.NextResultAsync(cancellation).ConfigureAwait(false);
        var daily = new Dictionary<string, Dictionary<DateOnly, DayRow>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            var unit = reader.GetString(0);
            if (!daily.TryGetValue(unit, out var days))
            {
                daily[unit] = days = [];
            }

            days[reader.GetFieldValue<DateOnly>(1)] = new DayRow((int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4), (int)reader.GetInt64(5));
        }

        await reader.NextResultAsync(cancellation).ConfigureAwait(false);
        var answers = await AnswerCounts.ReadAsync(reader, survey, cancellation).ConfigureAwait(false);

        var shown = units?.ToArray() ?? catalog.Units.Select(u => u.Definition.Code).Union(current.Keys.Select(k => k.Unit)).Order(StringComparer.Ordinal).ToArray();
        var reports = shown.Select(unit => BuildUnit(unit, period, current, before, daily, answers)).ToArray();
        var unitSet = shown.ToHashSet(StringComparer.Ordinal);
        var shownKeys = current.Keys.Where(k => unitSet.Contains(k.Unit)).ToArray();
        return new StatisticsReport(
            period, previous, zone.InZone(clock.GetUtcNow()), through, reports,
            answers.With(FigureRow.Sum(shownKeys.Select(k => current[k])).ToFigures(), shownKeys, previous: false),
            answers.With(FigureRow.Sum(shownKeys.Select(k => before[k])).ToFigures(), shownKeys, previous: true))
        {
            Criteria = answers.Criteria(survey),
        };
    }

    /// <summary>The period of equal length that ends the day before <paramref name="period"/> starts.</summary>
    public static Period PreviousOf(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var days = period.To.DayNumber - period.From.DayNumber + 1;
        return new Period(period.From.AddDays(-days), period.From.AddDays(-1));
    }

    private UnitStatistics BuildUnit(
        string unit, Period period,
        Dictionary<(string Unit, string Procedure), FigureRow> current,
        Dictionary<(string Unit, string Procedure), FigureRow> before,
        Dictionary<string, Dictionary<DateOnly, DayRow>> daily,
        AnswerCounts answers)
    {
        var keys = current.Keys.Where(k => k.Unit == unit).OrderBy(k => k.Procedure, StringComparer.Ordinal).ToArray();
        var figures = FigureRow.Sum(keys.Select(k => current[k]));
        var previous = FigureRow.Sum(keys.Select(k => before[k]));
        var f = answers.With(figures.ToFigures(), keys, previous: false);
        var procedures = keys.Select(k => new ProcedureStatistics(
            k.Procedure, catalog.FindProcedure(k.Procedure)?.Definition.Name ?? k.Procedure,
            answers.With(current[k].ToFigures(), [k], previous: false), answers.With(before[k].ToFigures(), [k], previous: true))).ToArray();

        // A day without changes keeps the overdue count of the day before; the period starts from the previous one's end.
        var overdue = checked((int)previous.Overdue);
        var points = new List<DailyPoint>();
        var days = daily.GetValueOrDefault(unit) ?? [];
        for (var day = period.From; day <= period.To; day = day.AddDays(1))
        {
            if (days.TryGetValue(day, out var d))
            {
                overdue = d.Overdue;
                points.Add(new DailyPoint(day, d.Received, d.Resolved, d.Late, overdue));
            }
            else
            {
                points.Add(new DailyPoint(day, 0, 0, 0, overdue));
            }
        }

        return new UnitStatistics(
            unit, catalog.FindUnit(unit)?.Definition.Name ?? unit,
            f.Received, f.Resolved, f.InProgress, f.SupplementRequested, f.Refused, f.Withdrawn, f.Stopped, f.Apologies,
            f.OnTimeRate, f.LateRate, f.Satisfaction, checked((int)figures.DueSoon), answers.With(previous.ToFigures(), keys, previous: true), procedures, points);
    }

    /// <summary>The <c>$1::text[]</c> of every statistics query: the units to read, or null for all of them.</summary>
    internal static NpgsqlParameter UnitsParameter(IReadOnlyList<string>? units) =>
        new() { Value = (object?)units?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text };

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    // A period's flows are sums of its day rows. Its stocks (in progress, overdue, due soon) before a day are sums
    // of every change before it: the month rows of the months before that day's month, then that month's day
    // rows before it. $2..$3 is the period, $4..$5 the previous one, which ends the day before $2.
    private static string BuildFiguresSql()
    {
        string Columns(string from, string to, string afterTo) => string.Join(",\n  ",
            FigureRow.Aggregates.Select(a => "coalesce(" + string.Format(CultureInfo.InvariantCulture, a, $"day BETWEEN {from} AND {to}", Before(from), Before(afterTo)) + ", 0)::bigint"));
        var counters = string.Join(", ", DailyCounters.Columns);
        return $"""
                SELECT unit, procedure,
                  {Columns("$2", "$3", "$3::date + 1")},
                  {Columns("$4", "$5", "$2")}
                FROM (
                  SELECT unit, procedure, month, NULL::date AS day, {counters}
                  FROM {MonthlyTable.QualifiedName}
                  WHERE ($1::text[] IS NULL OR unit = ANY($1)) AND month < {MonthOf("$3::date + 1")}
                  UNION ALL
                  SELECT unit, procedure, NULL, day, {counters}
                  FROM {DailyTable.QualifiedName}
                  WHERE ($1::text[] IS NULL OR unit = ANY($1)) AND day BETWEEN {MonthOf("$4")} AND $3) r
                GROUP BY unit, procedure
                """;
    }

    /// <summary>The rows that sum to a stock before the day <paramref name="day"/> (a month row's <c>day</c> and a day row's <c>month</c> are null).</summary>
    private static string Before(string day) => $"(month < {MonthOf(day)} OR day >= {MonthOf(day)} AND day < {day})";

    /// <summary>The first day of a date's month, through timestamp: immutable, so folded into a constant when planned.</summary>
    private static string MonthOf(string date) => $"date_trunc('month', ({date})::timestamp)::date";

    private readonly record struct DayRow(int Received, int Resolved, int Late, int Overdue);
}
