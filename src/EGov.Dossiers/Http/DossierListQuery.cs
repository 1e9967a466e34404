using System.Globalization;
using System.Text;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using Npgsql;
using NpgsqlTypes;

namespace EGov.Dossiers.Http;

/// <summary>What a work list asks for, once the caller's rights have narrowed it (see <see cref="ListDossiersEndpoint"/>).</summary>
public sealed record DossierListFilter
{
    /// <summary>Only dossiers this unit has held (an officer listing without <c>unit=</c>).</summary>
    public string? InvolvedUnit { get; init; }

    /// <summary>Only dossiers whose applicant has this citizen id.</summary>
    public string? ApplicantId { get; init; }

    public string? Unit { get; init; }

    public DossierStatus? Status { get; init; }

    public bool? Overdue { get; init; }

    public DateTimeOffset? DueFrom { get; init; }

    public DateTimeOffset? DueTo { get; init; }

    /// <summary>Search text: a dossier code or its prefix, an applicant ID number, or part of the applicant's name.</summary>
    public string? Query { get; init; }
}

/// <summary>A page of summaries and how many dossiers match (<see cref="PageDto{T}.Total"/> says how exact that is).</summary>
public sealed record DossierListPage(IReadOnlyList<DossierSummaryDto> Items, long Total, bool TotalIsLowerBound);

/// <summary>
/// The work list in hand-written SQL over the read model's table. Measured on a million dossiers (docs/benchmarks.md,
/// issue 4), the LINQ version spent its time deserialising 50 whole documents (steps, timeline, details...) to keep
/// 14 fields, and counting every match for the total. Here the page reads only the summary's fields, and the count
/// stops past <c>countUpTo</c>; both go in one round trip. The filters are written against the columns and JSON paths
/// that <c>DossiersSetup</c> duplicates and indexes, so the planner uses those indexes ((unit, due_at), applicant id number).
/// </summary>
public static class DossierListQuery
{
    private const string Columns =
        "d.id, x.code, x.\"procedureCode\", x.\"procedureName\", d.unit, d.status, x.applicant ->> 'fullName', x.\"submittedAt\", "
        + "x.\"receivedAt\", x.\"dueAt\", d.is_open, x.\"resolvedAt\" IS NOT NULL, x.overdue, "
        + "x.\"currentStep\" ->> 'unit', " // DossierState.CurrentStep is serialised with the document
        + "x.version, x.\"dueSoon\"";

    // The document is decompressed once per row and split into the fields the summary needs: one `data ->> 'field'`
    // per field decompressed it once each, and the page query took twice as long (1.5 ms against 0.7 ms, 50 rows).
    private const string Fields =
        "jsonb_to_record(d.data) AS x(code text, \"procedureCode\" text, \"procedureName\" text, applicant jsonb, "
        + "\"submittedAt\" text, \"receivedAt\" text, \"dueAt\" text, \"resolvedAt\" text, overdue boolean, "
        + "\"currentStep\" jsonb, version bigint, \"dueSoon\" boolean)";

    /// <param name="table">The read model's qualified table name.</param>
    /// <param name="countUpTo">Count at most this many matches; more make the total a lower bound.</param>
    public static async Task<DossierListPage> RunAsync(
        NpgsqlDataSource dataSource, string table, DossierListFilter filter, int page, int pageSize, int countUpTo,
        DateTimeOffset now, IDeadlines zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(zone);
        var offset = (long)(page - 1) * pageSize;
        var count = Where(filter, now, out var next);
        count.CommandText = $"SELECT count(*) FROM (SELECT 1 FROM {table} d{count.CommandText} LIMIT ${next}) AS matches";
        count.Parameters.Add(new NpgsqlParameter<long> { TypedValue = countUpTo + 1L });
        var rows = Where(filter, now, out next);
        rows.CommandText = $"SELECT {Columns} FROM {table} d CROSS JOIN LATERAL {Fields}{rows.CommandText} "
            + $"ORDER BY d.due_at, x.\"submittedAt\"::timestamptz, d.id LIMIT ${next} OFFSET ${next + 1}";
        rows.Parameters.Add(new NpgsqlParameter<long> { TypedValue = pageSize });
        rows.Parameters.Add(new NpgsqlParameter<long> { TypedValue = offset });
        var (items, total, lowerBound) = await PagedBatch.RunAsync(dataSource, count, rows, countUpTo, pageSize, r => Summary(r, now, zone), cancellationToken);
        return new DossierListPage(items, total, lowerBound);
    }

    /// <summary>The WHERE clause (in CommandText, to be wrapped) and its positional parameters; <paramref name="next"/> is the next free number.</summary>
    private static NpgsqlBatchCommand Where(DossierListFilter f, DateTimeOffset now, out int next)
    {
        var command = new NpgsqlBatchCommand();
        var where = new StringBuilder();
        void When(object? value, NpgsqlDbType type, string condition)
        {
            if (value is not null)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
                where.Append(where.Length == 0 ? " WHERE " : " AND ")
                    .Append(condition.Replace("{p}", "$" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }
        }

        When(f.InvolvedUnit, NpgsqlDbType.Text, "d.data -> 'involvedUnits' ? {p}");
        When(f.ApplicantId, NpgsqlDbType.Text, "d.data -> 'applicant' ->> 'idNumber' = {p}"); // Marten's index expression: the index answers it
        When(f.Unit, NpgsqlDbType.Varchar, "d.unit = {p}");
        When(f.DueFrom?.ToUniversalTime(), NpgsqlDbType.TimestampTz, "d.due_at >= {p}");
        When(f.DueTo?.ToUniversalTime(), NpgsqlDbType.TimestampTz, "d.due_at < {p}");
        When(f.Status?.ToString(), NpgsqlDbType.Varchar, "d.status = {p}");

        // As the LINQ filter said: open, with a due instant, past it (the alarm's flag is not consulted here).
        const string past = "(d.is_open AND d.due_at IS NOT NULL AND d.due_at < {p})";
        When(f.Overdue is null ? null : now.ToUniversalTime(), NpgsqlDbType.TimestampTz, f.Overdue is true ? past : "NOT " + past);

        // Search: the code's prefix (codes are upper case), the ID number exactly, or the name's normalised text
        // (SearchText) anywhere. The unit or applicant filter above keeps the scan to what the caller may see.
        if (f.Query is { Length: > 0 } q)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Like(q.ToUpperInvariant()) + "%", NpgsqlDbType = NpgsqlDbType.Text });
            var code = command.Parameters.Count;
            command.Parameters.Add(new NpgsqlParameter { Value = q, NpgsqlDbType = NpgsqlDbType.Text });
            var id = command.Parameters.Count;
            var name = SearchText.Normalize(q);
            command.Parameters.Add(new NpgsqlParameter { Value = name.Length == 0 ? string.Empty : "%" + Like(name) + "%", NpgsqlDbType = NpgsqlDbType.Text });
            where.Append(where.Length == 0 ? " WHERE " : " AND ").Append(CultureInfo.InvariantCulture,
                $"(d.data ->> 'code' LIKE ${code} OR d.data -> 'applicant' ->> 'idNumber' = ${id} OR d.data ->> 'searchName' LIKE ${id + 1})");
        }

        command.CommandText = where.ToString();
        next = command.Parameters.Count + 1;
        return command;
    }

    private static string Like(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private static DossierSummaryDto Summary(NpgsqlDataReader r, DateTimeOffset now, IDeadlines zone)
    {
        var dueAt = Instant(r, 9);
        var isOpen = r.GetBoolean(10);
        var resolved = r.GetBoolean(11);
        return new DossierSummaryDto(
            r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Enum.Parse<DossierStatus>(r.GetString(5)),
            r.IsDBNull(6) ? string.Empty : r.GetString(6),
            zone.InZone(Instant(r, 7)!.Value), DossierDto.Z(Instant(r, 8), zone), DossierDto.Z(dueAt, zone),
            DossierState.IsOverdueAt(isOpen, resolved, Flag(r, 12), dueAt, now),
            r.IsDBNull(13) ? null : r.GetString(13),
            r.IsDBNull(14) ? 0 : r.GetInt64(14),
            DossierState.IsClockRunning(isOpen, resolved, dueAt) && Flag(r, 15));
    }

    // Instants are read from the JSON text, not the timestamptz column: the document keeps .NET's 100 ns ticks,
    // PostgreSQL microseconds, and the list must show what the dossier's own page shows.
    internal static DateTimeOffset? Instant(NpgsqlDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    internal static bool Flag(NpgsqlDataReader r, int i) => !r.IsDBNull(i) && r.GetBoolean(i);
}
