using Npgsql;

namespace EGov.Benchmarks;

/// <summary>
/// How big the host's stored JSON is, so the raw baseline writes the same number of bytes; and how many rows the
/// host wrote, to check that every 201 really left a stream, two events and a read-model document behind.
/// </summary>
public sealed record PayloadSizes(int SubmittedBytes, int ReceivedBytes, int DocumentBytes, string Source)
{
    /// <summary>Used when the host's database is not reachable (--url): sizes observed on a desk intake of TP-LLTP-01.</summary>
    public static PayloadSizes Default { get; } = new(1200, 200, 2000, "defaults (host database not reachable)");

    public static async Task<(PayloadSizes Sizes, HostRowCounts Rows)> MeasureAsync(string hostConnectionString, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(hostConnectionString);
        async Task<long> Scalar(string sql)
        {
            await using var cmd = dataSource.CreateCommand(sql);
            var value = await cmd.ExecuteScalarAsync(cancellationToken);
            return value is null or DBNull ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        var sizes = new PayloadSizes(
            (int)await Scalar("SELECT round(avg(octet_length(data::text))) FROM egov.mt_events WHERE type = 'dossier_submitted'"),
            (int)await Scalar("SELECT round(avg(octet_length(data::text))) FROM egov.mt_events WHERE type = 'dossier_received'"),
            (int)await Scalar("SELECT round(avg(octet_length(data::text))) FROM egov.mt_doc_dossierstate"),
            "measured in the host's database (average octet_length(data::text))");
        var rows = new HostRowCounts(
            await Scalar("SELECT count(*) FROM egov.mt_streams"),
            await Scalar("SELECT count(*) FROM egov.mt_events"),
            await Scalar("SELECT count(*) FROM egov.mt_doc_dossierstate"),
            await Scalar("SELECT coalesce(sum(last_value), 0) FROM egov.dossier_code_counters"),
            await Scalar("SELECT coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE schemaname = 'egov' AND relname = 'mt_doc_dossierstate'"),
            await Scalar("SELECT seq_scan FROM pg_stat_user_tables WHERE schemaname = 'egov' AND relname = 'mt_doc_dossierstate'"));
        return (sizes.SubmittedBytes > 0 ? sizes : Default, rows);
    }
}

/// <summary>
/// Rows in the host's database after the run (counters exceed streams only if an intake failed midway), and how the
/// read-model table was scanned: the public lookup must go through the unique code index, not scan the table.
/// </summary>
public sealed record HostRowCounts(long Streams, long Events, long Documents, long CodesAllocated, long DocumentIndexScans, long DocumentSequentialScans);
