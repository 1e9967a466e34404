namespace EGov.Benchmarks;

// Pure and free of Npgsql, so EGov.Dossiers.Tests compiles this file as its own source and tests the judging.

/// <summary>A write a client was told succeeded: the dossier, the version the answer carried, what it was.</summary>
public sealed record AcknowledgedWrite(Guid DossierId, long Version, string What, long Timestamp);

/// <summary>An alarm's event as stored: which dossier, kind and scope, the due instant it names, when it was committed.</summary>
public sealed record FiredAlarm(Guid DossierId, string Type, string Scope, DateTimeOffset DueAt, DateTimeOffset FiredAt);

/// <summary>What the store holds against what the clients were told; every list must be empty for the run to pass.</summary>
public sealed record ChaosVerdict(
    int AcknowledgedWrites,
    int StreamsChecked,
    IReadOnlyList<string> LostWrites,
    IReadOnlyList<string> BrokenStreams,
    IReadOnlyList<string> CreatedTwice,
    int OverdueAlarmsExpected,
    int OverdueAlarmsFired,
    IReadOnlyList<string> FiredTwice,
    double[] LateSeconds)
{
    public bool Passed => LostWrites.Count == 0 && BrokenStreams.Count == 0 && CreatedTwice.Count == 0 && FiredTwice.Count == 0;

    /// <summary>
    /// Pure judging, separate from reading the rows. A write acknowledged at version v is lost unless the stream holds
    /// v events; a stream is broken unless its event versions are exactly 1..n and mt_streams says n; a dossier is
    /// created twice when its stream has two DossierSubmitted, when one applicant (one per Idempotency-Key here) has
    /// two streams, or when a key was answered with two ids; an alarm fired twice when one dossier has two events of
    /// the same kind, scope and due instant. Lateness is the commit of a DeadlineMissed minus its due instant.
    /// </summary>
    public static ChaosVerdict Judge(
        IReadOnlyCollection<AcknowledgedWrite> acknowledged,
        IReadOnlyDictionary<Guid, List<long>> eventVersions,
        IReadOnlyDictionary<Guid, long> streamVersions,
        IReadOnlyDictionary<Guid, int> submittedPerStream,
        IReadOnlyCollection<string> applicantsWithTwoStreams,
        IReadOnlyCollection<string> keysWithTwoDossiers,
        IReadOnlyCollection<FiredAlarm> alarms,
        int alarmsExpected)
    {
        var lost = new List<string>();
        foreach (var ack in acknowledged)
        {
            var held = eventVersions.TryGetValue(ack.DossierId, out var list) ? list.Count : 0;
            if (held < ack.Version)
            {
                lost.Add($"{ack.DossierId}: {ack.What} acknowledged at version {ack.Version}, the store holds {held} events");
            }
        }

        var broken = new List<string>();
        foreach (var (id, list) in eventVersions)
        {
            list.Sort();
            var duplicates = list.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
            var gaps = list.Count == 0 ? [] : Enumerable.Range(1, (int)list[^1]).Select(v => (long)v).Except(list).ToArray();
            var stream = streamVersions.GetValueOrDefault(id, -1);
            if (duplicates.Length > 0 || gaps.Length > 0 || stream != list.Count)
            {
                broken.Add($"{id}: versions {string.Join(',', list)}; mt_streams.version {stream}" +
                           (duplicates.Length > 0 ? $"; duplicate {string.Join(',', duplicates)}" : string.Empty) +
                           (gaps.Length > 0 ? $"; missing {string.Join(',', gaps)}" : string.Empty));
            }
        }

        var twice = submittedPerStream.Where(p => p.Value > 1).Select(p => $"{p.Key}: {p.Value} DossierSubmitted events")
            .Concat(applicantsWithTwoStreams.Select(a => $"applicant {a}: two dossiers"))
            .Concat(keysWithTwoDossiers.Select(k => $"Idempotency-Key {k}"))
            .ToList();

        var firedTwice = alarms.GroupBy(a => (a.DossierId, a.Type, a.Scope, a.DueAt))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.DossierId}: {g.Key.Type} ({g.Key.Scope}, due {g.Key.DueAt:O}) fired {g.Count()} times, at {string.Join(", ", g.Select(a => a.FiredAt.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)))}")
            .ToList();
        var missed = alarms.Where(a => a.Type == "deadline_missed").ToArray();
        var late = missed.Select(a => (a.FiredAt - a.DueAt).TotalSeconds).Order().ToArray();
        return new ChaosVerdict(acknowledged.Count, eventVersions.Count, lost, broken, twice, alarmsExpected,
            missed.Select(a => (a.DossierId, a.Scope, a.DueAt)).Distinct().Count(), firedTwice, late);
    }
}
