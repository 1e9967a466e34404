using System.Collections.Concurrent;
using System.Diagnostics;

namespace EGov.Benchmarks;

/// <summary>
/// What the chaos clients saw: every acknowledged write (the dossier and the version the answer carried), every
/// attempt's outcome, and each grain-touching attempt's time and result, to measure recovery after a kill.
/// </summary>
public sealed class ChaosLedger
{
    public ConcurrentQueue<AcknowledgedWrite> Acknowledged { get; } = new();

    /// <summary>Intakes by Idempotency-Key: the dossier id each key's first acknowledgement named.</summary>
    public ConcurrentDictionary<string, Guid> DossierOfKey { get; } = new(StringComparer.Ordinal);

    /// <summary>Keys answered with two different dossiers: must stay empty.</summary>
    public ConcurrentQueue<string> KeysWithTwoDossiers { get; } = new();

    public ConcurrentDictionary<string, long> Outcomes { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<GrainAttempt> GrainAttempts { get; } = new();

    /// <summary>Actions a retry found already applied (the first attempt committed but its answer was lost).</summary>
    public long AppliedWithoutAnswer;

    /// <summary>Operations abandoned after their retry budget.</summary>
    public long GaveUp;

    public void Outcome(string kind) => Outcomes.AddOrUpdate(kind, 1, (_, n) => n + 1);

    public void Ack(Guid dossier, long version, string what) =>
        Acknowledged.Enqueue(new AcknowledgedWrite(dossier, version, what, Stopwatch.GetTimestamp()));
}

/// <summary>One HTTP attempt that went through a dossier's grain (an action or its re-read).</summary>
/// <param name="DossierAckedAt">When the dossier's intake was acknowledged (it existed from then on).</param>
public sealed record GrainAttempt(Guid DossierId, long DossierAckedAt, long Timestamp, bool Success);
