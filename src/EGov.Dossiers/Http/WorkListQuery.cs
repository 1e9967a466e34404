using System.Text.Json;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using Npgsql;

namespace EGov.Dossiers.Http;

/// <summary>The work lists an officer's queue shows (docs/api.md, "Work lists").</summary>
public enum WorkList
{
    Mine,
    UnitUnassigned,
    DueSoon,
    Overdue,
    AwaitingSupplement,
    AtRisk,
}

/// <summary>
/// The work lists and their counts in SQL over the read model's duplicated columns (<c>holding_unit</c>,
/// <c>assignee</c>, <c>status</c>, <c>due_at</c>, <c>is_open</c>): each list is a range of the (holding_unit, due_at)
/// index, and the counts are one pass with <c>FILTER</c> clauses, one round trip. The risk sweep's latest estimate
/// (<c>egov.dossier_risk</c>, docs/foresight.md) is joined by dossier id for the at-risk list and every item's
/// probability. Parameters: $1 the unit, $2 the caller's subject, $3 now, $4 the instant before which a due instant is "soon".
/// </summary>
public static class WorkListQuery
{
    public static readonly IReadOnlyDictionary<string, WorkList> Names = new Dictionary<string, WorkList>(StringComparer.Ordinal)
    {
        ["mine"] = WorkList.Mine,
        ["unit-unassigned"] = WorkList.UnitUnassigned,
        ["due-soon"] = WorkList.DueSoon,
        ["overdue"] = WorkList.Overdue,
        ["awaiting-supplement"] = WorkList.AwaitingSupplement,
        ["at-risk"] = WorkList.AtRisk,
    };

    private const string Held = "d.holding_unit = $1 AND d.is_open";

    // The sweep's row lags the read model by up to a change scan: a dossier resolved or past its appointment since
    // is judged by the read model, as the other lists judge it.
    private const string Risk = $"LEFT JOIN {Foresight.RiskTable.QualifiedName} r ON r.dossier_id = d.id";

    // A result already issued is not late work any more (its clock stopped at ResultIssued), as DossierState.IsOverdue says.
    private static readonly IReadOnlyDictionary<WorkList, string> Conditions = new Dictionary<WorkList, string>
    {
        [WorkList.Mine] = "d.assignee = $2",
        [WorkList.UnitUnassigned] = "d.assignee IS NULL AND d.status <> 'SupplementRequested'",
        [WorkList.DueSoon] = "d.due_at >= $3 AND d.due_at < $4 AND d.status <> 'ResultReady'",
        [WorkList.Overdue] = "d.due_at < $3 AND d.status <> 'ResultReady'",
        [WorkList.AwaitingSupplement] = "d.status = 'SupplementRequested'",
        [WorkList.AtRisk] = "(r.at_risk OR r.probability >= r.threshold) AND NOT r.overdue AND (d.due_at IS NULL OR d.due_at >= $3) AND d.status <> 'ResultReady'",
    };

    // Every list by due instant, soonest first, except the at-risk list: most likely late first.
    private static string OrderBy(WorkList list) =>
        list == WorkList.AtRisk ? "r.probability DESC, d.due_at ASC NULLS LAST, x.code" : "d.due_at ASC NULLS LAST, x.code";

    private const string Columns =
        "d.id, x.code, x.\"procedureCode\", x.\"procedureName\", d.status, x.applicant ->> 'fullName', x.\"submittedAt\", x.\"dueAt\", "
        + "x.\"stepDueAt\", d.is_open, x.\"resolvedAt\" IS NOT NULL, x.overdue, x.\"dueSoon\", x.\"currentStep\", d.assignee, x.\"assigneeName\", x.version, r.probability, r.reasons -> 0";

    private const string Fields =
        "jsonb_to_record(d.data) AS x(code text, \"procedureCode\" text, \"procedureName\" text, applicant jsonb, \"submittedAt\" text, "
        + "\"dueAt\" text, \"stepDueAt\" text, \"resolvedAt\" text, overdue boolean, \"dueSoon\" boolean, \"currentStep\" jsonb, "
        + "\"assigneeName\" text, version bigint)";

    /// <summary>The instant before which a due instant counts as "soon": the deadline warnings' lead from now.</summary>
    public static DateTimeOffset SoonBefore(DateTimeOffset now, IDeadlines deadlines)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        var probe = deadlines.Due(now, 30, Calendar.DurationUnit.WorkingDays);
        return deadlines.AddOfficeTime(now, deadlines.OfficeTimeBetween(deadlines.DueSoonAt(probe), probe));
    }

    public static async Task<WorkCountsDto> CountAsync(NpgsqlDataSource dataSource, string table, string unit, string subject, DateTimeOffset now, DateTimeOffset soon, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var filters = string.Join(", ", Enum.GetValues<WorkList>().Select(l => $"count(*) FILTER (WHERE {Conditions[l]})"));
        await using var command = dataSource.CreateCommand($"SELECT {filters} FROM {table} d {Risk} WHERE {Held}");
        AddParameters(command.Parameters, unit, subject, now, soon);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new WorkCountsDto(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    public static async Task<(List<WorkItemDto> Items, long Total, bool TotalIsLowerBound)> PageAsync(
        NpgsqlDataSource dataSource, string table, WorkList list, string unit, string subject, DateTimeOffset now, DateTimeOffset soon,
        int page, int pageSize, int countUpTo, IDeadlines zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(zone);
        var where = $"{Held} AND {Conditions[list]}";
        var count = new NpgsqlBatchCommand($"SELECT count(*) FROM (SELECT 1 FROM {table} d {Risk} WHERE {where} LIMIT $5) AS matches");
        AddParameters(count.Parameters, unit, subject, now, soon);
        count.Parameters.Add(new NpgsqlParameter<long> { TypedValue = countUpTo + 1L });
        var rows = new NpgsqlBatchCommand($"SELECT {Columns} FROM {table} d CROSS JOIN LATERAL {Fields} {Risk} WHERE {where} "
            + $"ORDER BY {OrderBy(list)} LIMIT $5 OFFSET $6");
        AddParameters(rows.Parameters, unit, subject, now, soon);
        rows.Parameters.Add(new NpgsqlParameter<long> { TypedValue = pageSize });
        rows.Parameters.Add(new NpgsqlParameter<long> { TypedValue = (long)(page - 1) * pageSize });
        return await PagedBatch.RunAsync(dataSource, count, rows, countUpTo, pageSize, r => Item(r, now, soon, zone), cancellationToken);
    }

    // Every statement of a list names all four parameters ($1..$4) in the same order, so one helper fills them.
    private static void AddParameters(NpgsqlParameterCollection parameters, string unit, string subject, DateTimeOffset now, DateTimeOffset soon)
    {
        parameters.Add(new NpgsqlParameter<string> { TypedValue = unit, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Varchar });
        parameters.Add(new NpgsqlParameter<string> { TypedValue = subject, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Varchar });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = soon.ToUniversalTime(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
    }

    private static WorkItemDto Item(NpgsqlDataReader r, DateTimeOffset now, DateTimeOffset soon, IDeadlines zone)
    {
        var dueAt = DossierListQuery.Instant(r, 7);
        var isOpen = r.GetBoolean(9);
        var resolved = r.GetBoolean(10);
        var running = DossierState.IsClockRunning(isOpen, resolved, dueAt);
        WorkStepDto? step = null;
        if (!r.IsDBNull(13))
        {
            using var json = JsonDocument.Parse(r.GetString(13));
            var e = json.RootElement;
            step = new WorkStepDto(e.GetProperty("id").GetString()!, e.GetProperty("name").GetString()!, e.GetProperty("unit").GetString()!, e.GetProperty("role").GetString()!);
        }

        var assignee = r.IsDBNull(14) ? null : r.GetString(14);
        return new WorkItemDto(
            r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), Enum.Parse<DossierStatus>(r.GetString(4)),
            r.IsDBNull(5) ? string.Empty : r.GetString(5),
            zone.InZone(DossierListQuery.Instant(r, 6)!.Value), DossierDto.Z(dueAt, zone), DossierDto.Z(DossierListQuery.Instant(r, 8), zone),
            DossierState.IsOverdueAt(isOpen, resolved, DossierListQuery.Flag(r, 11), dueAt, now),
            running && (DossierListQuery.Flag(r, 12) || (dueAt >= now && dueAt < soon)),
            step,
            assignee is null ? null : new AssigneeDto(assignee, r.IsDBNull(15) ? assignee : r.GetString(15)),
            r.IsDBNull(16) ? 0 : r.GetInt64(16))
        {
            Probability = r.IsDBNull(17) ? null : r.GetDouble(17),
            RiskReason = r.IsDBNull(18) ? null : ReasonText(r.GetString(18)),
        };
    }

    private static ReasonTextDto ReasonText(string json)
    {
        using var reason = JsonDocument.Parse(json);
        return new ReasonTextDto(reason.RootElement.GetProperty("vi").GetString() ?? string.Empty, reason.RootElement.GetProperty("en").GetString() ?? string.Empty);
    }
}
