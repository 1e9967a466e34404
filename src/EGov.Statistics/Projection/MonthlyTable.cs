using Weasel.Postgresql.Tables;

namespace EGov.Statistics.Projection;

/// <summary>
/// <see cref="DailyTable"/>'s counters summed per unit, procedure and calendar month (<c>month</c> is the month's
/// first day). "In progress", "overdue" and "due soon" at a day's end are sums of every change since the first
/// day ever counted; a month row stands in for that month's day rows, so a report reads a few hundred month rows
/// and the day rows of at most a few months instead of every day row since the beginning.
/// Written by <see cref="DailyTable.UpsertSql"/> in the same statement as the day rows; recomputed by <see cref="RollUpSql"/>.
/// </summary>
public static class MonthlyTable
{
    public const string Name = "stats_monthly";
    public const string QualifiedName = DailyTable.Schema + "." + Name;

    /// <summary>The first day of the month of a <c>day</c> column (through timestamp: no time zone can move it).</summary>
    internal const string MonthOfDay = "date_trunc('month', day::timestamp)::date";

    public static Table SchemaObject() => DailyTable.CounterTable(QualifiedName, "month");

    /// <summary>
    /// Makes this table exactly the month sums of <see cref="DailyTable"/>, whatever it held before (rows of
    /// another month, key or value are replaced or deleted): for a rebuild that fills the day rows by other means
    /// than <see cref="DailyTable.UpsertSql"/>. ONE statement (no parameters), so it runs alike as a command, a
    /// batch command or Marten's QueueSqlCommand, inside the caller's transaction. The month rows whose key has no
    /// day rows are deleted and the others upserted: two disjoint sets of rows, which is what lets a delete and an
    /// insert share one statement. The counter columns are spelled out (a constant cannot be built from
    /// <see cref="DailyCounters.Columns"/>); the statistics recount test fails when one is missing.
    /// </summary>
    public const string RollUpSql =
        $"""
         WITH fresh AS (
           SELECT unit, procedure, {MonthOfDay} AS month,
                  sum(received_online)::int AS received_online, sum(received_direct)::int AS received_direct,
                  sum(closed)::int AS closed, sum(resolved_early)::int AS resolved_early,
                  sum(resolved_on_time)::int AS resolved_on_time, sum(resolved_late)::int AS resolved_late,
                  sum(supplement_requested)::int AS supplement_requested, sum(refused)::int AS refused,
                  sum(withdrawn)::int AS withdrawn, sum(stopped)::int AS stopped, sum(overdue_delta)::int AS overdue_delta,
                  sum(rating_1)::int AS rating_1, sum(rating_2)::int AS rating_2, sum(rating_3)::int AS rating_3,
                  sum(due_soon_delta)::int AS due_soon_delta, sum(apologies)::int AS apologies,
                  sum(resolved_after_apology)::int AS resolved_after_apology
           FROM {DailyTable.QualifiedName}
           GROUP BY 1, 2, 3),
         stale AS (
           DELETE FROM {QualifiedName} m
           WHERE NOT EXISTS (SELECT FROM fresh f WHERE f.unit = m.unit AND f.procedure = m.procedure AND f.month = m.month))
         INSERT INTO {QualifiedName} AS m (unit, procedure, month, received_online, received_direct, closed, resolved_early,
           resolved_on_time, resolved_late, supplement_requested, refused, withdrawn, stopped, overdue_delta, rating_1, rating_2,
           rating_3, due_soon_delta, apologies, resolved_after_apology)
         SELECT * FROM fresh
         ON CONFLICT (unit, procedure, month) DO UPDATE SET
           received_online = excluded.received_online, received_direct = excluded.received_direct, closed = excluded.closed,
           resolved_early = excluded.resolved_early, resolved_on_time = excluded.resolved_on_time,
           resolved_late = excluded.resolved_late, supplement_requested = excluded.supplement_requested,
           refused = excluded.refused, withdrawn = excluded.withdrawn, stopped = excluded.stopped,
           overdue_delta = excluded.overdue_delta, rating_1 = excluded.rating_1, rating_2 = excluded.rating_2,
           rating_3 = excluded.rating_3, due_soon_delta = excluded.due_soon_delta, apologies = excluded.apologies,
           resolved_after_apology = excluded.resolved_after_apology
         """;
}
