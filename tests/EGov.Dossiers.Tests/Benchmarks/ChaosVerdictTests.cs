using EGov.Benchmarks;

namespace EGov.Dossiers.Tests.Benchmarks;

/// <summary>
/// The chaos benchmark passes or fails a run on this judging alone: each kind of damage must be found, and a clean
/// store must pass, or the benchmark would report 0 lost writes whatever happened.
/// </summary>
public sealed class ChaosVerdictTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly DateTimeOffset Due = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_store_holding_every_acknowledged_version_in_order_passes()
    {
        var verdict = Judge(
            acks: [Ack(A, 2), Ack(A, 3), Ack(B, 2)],
            events: new() { [A] = [1, 2, 3], [B] = [2, 1] },
            streams: new() { [A] = 3, [B] = 2 },
            alarms: [Alarm(A, "deadline_missed", firedAfterSeconds: 1.5)]);

        Assert.True(verdict.Passed);
        Assert.Empty(verdict.LostWrites);
        Assert.Equal(1, verdict.OverdueAlarmsFired);
        Assert.Equal([1.5], verdict.LateSeconds);
    }

    [Fact]
    public void A_version_acknowledged_but_not_stored_is_a_lost_write()
    {
        var verdict = Judge(acks: [Ack(A, 4)], events: new() { [A] = [1, 2, 3] }, streams: new() { [A] = 3 });

        Assert.False(verdict.Passed);
        Assert.Contains(A.ToString(), Assert.Single(verdict.LostWrites), StringComparison.Ordinal);
    }

    [Fact]
    public void An_acknowledged_dossier_without_a_stream_is_a_lost_write()
    {
        var verdict = Judge(acks: [Ack(B, 2)], events: new() { [A] = [1, 2] }, streams: new() { [A] = 2 });

        Assert.False(verdict.Passed);
        Assert.Single(verdict.LostWrites);
    }

    [Theory]
    [InlineData(new long[] { 1, 2, 2, 3 }, 4, "duplicate 2")]
    [InlineData(new long[] { 1, 3 }, 2, "missing 2")]
    [InlineData(new long[] { 1, 2 }, 3, "mt_streams.version 3")]
    public void A_stream_with_a_duplicate_a_gap_or_a_disagreeing_head_is_broken(long[] versions, long head, string expected)
    {
        var verdict = Judge(acks: [], events: new() { [A] = [.. versions] }, streams: new() { [A] = head });

        Assert.False(verdict.Passed);
        Assert.Contains(expected, Assert.Single(verdict.BrokenStreams), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_submissions_in_one_stream_or_two_streams_for_one_key_are_a_dossier_created_twice()
    {
        var verdict = ChaosVerdict.Judge([], new Dictionary<Guid, List<long>> { [A] = [1, 2] }, new Dictionary<Guid, long> { [A] = 2 },
            new Dictionary<Guid, int> { [A] = 2 }, ["001099012345"], ["key-1: a and b"], [], 0);

        Assert.False(verdict.Passed);
        Assert.Equal(3, verdict.CreatedTwice.Count);
    }

    [Fact]
    public void One_alarm_committed_twice_fired_twice_but_two_kinds_for_one_instant_did_not()
    {
        var verdict = Judge(acks: [], events: new() { [A] = [1, 2, 3, 4] }, streams: new() { [A] = 4 },
            alarms: [Alarm(A, "deadline_missed", 2), Alarm(A, "deadline_missed", 40), Alarm(A, "deadline_neared", 0)]);

        Assert.False(verdict.Passed);
        Assert.Contains("fired 2 times", Assert.Single(verdict.FiredTwice), StringComparison.Ordinal);
        Assert.Equal([2.0, 40.0], verdict.LateSeconds);
    }

    private static ChaosVerdict Judge(AcknowledgedWrite[] acks, Dictionary<Guid, List<long>> events, Dictionary<Guid, long> streams, FiredAlarm[]? alarms = null) =>
        ChaosVerdict.Judge(acks, events, streams, events.Keys.ToDictionary(id => id, _ => 1), [], [], alarms ?? [], alarmsExpected: 1);

    private static AcknowledgedWrite Ack(Guid id, long version) => new(id, version, "test", 0);

    private static FiredAlarm Alarm(Guid id, string type, double firedAfterSeconds) => new(id, type, "dossier", Due, Due.AddSeconds(firedAfterSeconds));
}
