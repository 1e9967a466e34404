using Npgsql;

namespace EGov.Benchmarks;

/// <summary>
/// The end of the chaos run: what the clients were told against what the event store holds. The rows are read
/// with Npgsql straight from <c>egov.mt_events</c> / <c>egov.mt_streams</c>; the judging is <see cref="ChaosVerdict"/>.
/// </summary>
public static class ChaosVerifier
{
    public static async Task<ChaosVerdict> VerifyAsync(string connectionString, IReadOnlyCollection<AcknowledgedWrite> acknowledged,
        IReadOnlyCollection<string> keysWithTwoDossiers, DateTimeOffset alarmsFrom, DateTimeOffset alarmsTo, int alarmDossiers, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);

        var versions = new Dictionary<Guid, List<long>>();
        var streamVersion = new Dictionary<Guid, long>();
        var submitted = new Dictionary<Guid, int>();
        var idNumbers = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal);
        await using (var events = new NpgsqlCommand(
            "select stream_id, version, type, case when type = 'dossier_submitted' then data->'applicant'->>'idNumber' end from egov.mt_events", connection))
        await using (var reader = await events.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                if (!versions.TryGetValue(id, out var list))
                {
                    versions[id] = list = [];
                }

                list.Add(reader.GetInt64(1));
                if (reader.GetString(2) == "dossier_submitted")
                {
                    submitted[id] = submitted.GetValueOrDefault(id) + 1;
                    if (!reader.IsDBNull(3))
                    {
                        var idNumber = reader.GetString(3);
                        if (!idNumbers.TryGetValue(idNumber, out var set))
                        {
                            idNumbers[idNumber] = set = [];
                        }

                        set.Add(id);
                    }
                }
            }
        }

        await using (var streams = new NpgsqlCommand("select id, version from egov.mt_streams", connection))
        await using (var reader = await streams.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                streamVersion[reader.GetGuid(0)] = reader.GetInt64(1);
            }
        }

        var alarms = new List<FiredAlarm>();
        await using (var fired = new NpgsqlCommand(
            """
            select stream_id, type, data->>'scope', (data->>'dueAt')::timestamptz, timestamp from egov.mt_events
            where type in ('deadline_missed', 'deadline_neared') and (data->>'dueAt')::timestamptz between @from and @to
            """, connection))
        {
            fired.Parameters.AddWithValue("from", alarmsFrom);
            fired.Parameters.AddWithValue("to", alarmsTo);
            await using var reader = await fired.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                alarms.Add(new FiredAlarm(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                    reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4)));
            }
        }

        return ChaosVerdict.Judge(acknowledged, versions, streamVersion, submitted,
            idNumbers.Where(p => p.Value.Count > 1).Select(p => p.Key).ToArray(), keysWithTwoDossiers, alarms, alarmDossiers);
    }
}
