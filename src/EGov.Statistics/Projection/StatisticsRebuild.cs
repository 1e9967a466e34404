using System.Runtime;
using JasperFx;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EGov.Statistics.Projection;

/// <summary>Progress of a rebuild, as <c>GET /api/v1/statistics/rebuild</c> shows it.</summary>
/// <param name="Phase">"waiting" until the projection's node takes it, "reading" while events are counted, "writing"
/// while the result is swapped in, then "done" or "failed".</param>
public sealed record RebuildProgress(
    bool Running, long Processed, long Total, double? EventsPerSecond, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error,
    string? Phase);

/// <summary>
/// Rebuilds the statistics projection from the whole event store in the background (after a change of the counting
/// rules), once in the cluster: a request on any node stores a <see cref="RebuildRecord"/> (a second request while one
/// is pending or running is refused by the record's state and its optimistic concurrency); the node that leads the
/// projection (the Marten daemon is HotCold: one leader by advisory lock) claims it, pauses its own coordinator,
/// replays every event up to the high-water mark with <see cref="StatisticsReplay"/>, swaps the result in and resumes
/// the daemon, which goes on from that mark. Progress goes to the record every few seconds and to the log.
/// </summary>
/// <param name="coordinator">This node's projection daemon; absent on a node started with <c>Statistics:Daemon=Disabled</c>,
/// which cannot pause the daemon that does the counting, so it neither accepts nor runs a rebuild.</param>
public sealed partial class StatisticsRebuild(IDocumentStore store, StatisticsReplay replay, ILogger<StatisticsRebuild> log, IProjectionCoordinator? coordinator = null)
    : BackgroundService
{
    public static readonly TimeSpan Timeout = TimeSpan.FromHours(6);
    public static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(2);

    /// <summary>How often a node that leads the projection looks for a rebuild to run.</summary>
    public static readonly TimeSpan PickUpEvery = TimeSpan.FromSeconds(1);

    /// <summary>A running rebuild whose heartbeat is older than this lost its node: the next leader starts it again.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    // This instance in the cluster (two hosts in one process, as the tests run them, are two nodes).
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private long _processed;

    /// <summary>False on a node that does not run the statistics projection: start a rebuild on one that does.</summary>
    public bool RunsHere => coordinator is not null;

    /// <summary>Stores a request for the leader to run, unless one is waiting or running anywhere; false when one is.</summary>
    public async Task<bool> TryRequestAsync(string requestedBy, CancellationToken cancellationToken)
    {
        if (coordinator is null)
        {
            throw new InvalidOperationException("This node does not run the statistics projection (Statistics:Daemon=Disabled); rebuild on a node that does.");
        }

        await using var session = store.LightweightSession();
        var record = await session.LoadAsync<RebuildRecord>(RebuildRecord.TheId, cancellationToken);
        if (record is not null && IsActive(record, DateTimeOffset.UtcNow))
        {
            return false;
        }

        var next = record ?? new RebuildRecord();
        next.State = RebuildRecord.Requested;
        next.Phase = "waiting";
        next.RequestedBy = requestedBy;
        next.RequestedAt = DateTimeOffset.UtcNow;
        (next.Owner, next.HeartbeatAt, next.StartedAt, next.FinishedAt, next.Error, next.Processed, next.Total) = (null, null, null, null, null, 0, 0);
        if (record is null)
        {
            session.Insert(next);
        }
        else
        {
            session.Store(next);
        }

        return await TrySaveAsync(session, cancellationToken);
    }

    /// <summary>The cluster's rebuild as stored, the same on every node.</summary>
    public async Task<RebuildProgress> ProgressAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        var r = await query.LoadAsync<RebuildRecord>(RebuildRecord.TheId, cancellationToken);
        if (r is null)
        {
            return new RebuildProgress(false, 0, 0, null, null, null, null, null);
        }

        var seconds = r.StartedAt is { } s ? ((r.FinishedAt ?? DateTimeOffset.UtcNow) - s).TotalSeconds : 0;
        return new RebuildProgress(r.State is RebuildRecord.Requested or RebuildRecord.Running, r.Processed, r.Total,
            seconds > 0 ? Math.Round(r.Processed / seconds) : null, r.StartedAt, r.FinishedAt, r.Error, r.Phase);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (coordinator is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(PickUpEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (IsLeader() && await TryClaimAsync(stoppingToken) is { } through)
                {
                    await RunAsync(through, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is away, or the daemon is between leaders: look again at the next tick.
                LogPickUpFailed(log, e);
            }
        }
    }

    // Only the leader's coordinator can pause the projection where it runs; the others wait their turn as leader.
    private bool IsLeader() => coordinator!.DaemonForMainDatabase().IsRunning;

    private static bool IsActive(RebuildRecord r, DateTimeOffset now) =>
        r.State == RebuildRecord.Requested || (r.State == RebuildRecord.Running && r.HeartbeatAt > now - StaleAfter);

    /// <returns>The high-water mark to rebuild to when this node claimed a waiting (or orphaned) rebuild; null otherwise.</returns>
    private async Task<long?> TryClaimAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var record = await session.LoadAsync<RebuildRecord>(RebuildRecord.TheId, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        if (record is null || record.State is RebuildRecord.Done or RebuildRecord.Failed || (record.State == RebuildRecord.Running && IsActive(record, now)))
        {
            return null;
        }

        if (record.State == RebuildRecord.Running)
        {
            LogOrphaned(log, record.Owner);
        }

        // Read before pausing, which stops this node's high-water agent too.
        var through = await replay.HighWaterMarkAsync(coordinator!.DaemonForMainDatabase().HighWaterMark(), cancellationToken);
        record.State = RebuildRecord.Running;
        record.Phase = "reading";
        record.Owner = _node;
        (record.StartedAt, record.HeartbeatAt, record.FinishedAt, record.Error, record.Processed, record.Total) = (now, now, null, null, 0, through);
        session.Store(record);
        return await TrySaveAsync(session, cancellationToken) ? through : null;
    }

    private async Task RunAsync(long through, CancellationToken stoppingToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        stop.CancelAfter(Timeout);
        var paused = false;
        var startedAt = DateTimeOffset.UtcNow;
        Interlocked.Exchange(ref _processed, 0);
        try
        {
            // This node's agent must not write while the replay swaps its result in. Stopping the agent alone is not
            // enough: the coordinator's leadership loop restarts any agent that is not running within seconds. Pausing
            // the coordinator stops that loop and keeps its leadership lock, so no other node takes over meanwhile (a
            // leader on another node cannot corrupt the swap either: see StatisticsReplay). The agent resumes from
            // the replay's mark.
            await coordinator!.PauseAsync().ConfigureAwait(false);
            paused = true;

            LogStarted(log, through);
            var replaying = replay.RunAsync(through, seq => Interlocked.Exchange(ref _processed, seq), stop.Token);
            while (await Task.WhenAny(replaying, Task.Delay(LogEvery, stop.Token)).ConfigureAwait(false) != replaying)
            {
                var processed = Interlocked.Read(ref _processed);
                var seconds = (DateTimeOffset.UtcNow - startedAt).TotalSeconds;
                LogProgress(log, processed, through, seconds > 0 ? processed / seconds : 0);
                await WriteAsync(r => (r.Processed, r.Phase) = (processed, through > 0 && processed >= through ? "writing" : "reading"), stop.Token);
            }

            await replaying.ConfigureAwait(false);

            // The fold (about a kilobyte per dossier) is garbage now: give it back at once, compacted, rather than
            // leave a background collection of a heap that size to compete with requests for the CPU later.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var finishedAt = DateTimeOffset.UtcNow;
            await WriteAsync(r => (r.State, r.Phase, r.Processed, r.FinishedAt) = (RebuildRecord.Done, "done", through, finishedAt), CancellationToken.None);
            LogFinished(log, through, (finishedAt - startedAt).TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // This node stops: the record keeps "running" until its heartbeat is stale, then the next leader restarts it.
            LogInterrupted(log);
        }
#pragma warning disable CA1031 // A failed rebuild is reported through the API and the log; the host keeps running.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(log, e);
            var finishedAt = DateTimeOffset.UtcNow;
            await WriteAsync(r => (r.State, r.Phase, r.Error, r.FinishedAt) = (RebuildRecord.Failed, "failed", e.Message, finishedAt), CancellationToken.None);
        }
        finally
        {
            if (paused)
            {
                await ResumeAsync().ConfigureAwait(false);
            }
        }
    }

    // Progress and the heartbeat, only while the record is still ours (a node presumed dead must not overwrite its successor).
    private async Task WriteAsync(Action<RebuildRecord> change, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = store.LightweightSession();
            var record = await session.LoadAsync<RebuildRecord>(RebuildRecord.TheId, cancellationToken);
            if (record is null || record.Owner != _node)
            {
                return;
            }

            change(record);
            record.HeartbeatAt = DateTimeOffset.UtcNow;
            session.Store(record);
            await TrySaveAsync(session, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Progress is best effort: the rebuild itself goes on; a lasting failure makes the heartbeat stale.
            LogWriteFailed(log, e);
        }
    }

    private static async Task<bool> TrySaveAsync(IDocumentSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is ConcurrencyException or DocumentAlreadyExistsException
            || (e is AggregateException a && a.InnerExceptions.All(i => i is ConcurrencyException or DocumentAlreadyExistsException)))
        {
            // Another node wrote the record first (a concurrent request or claim): it wins.
            return false;
        }
    }

    private async Task ResumeAsync()
    {
        try
        {
            await coordinator!.ResumeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Reported; the daemon's leader election starts it again on the next node that takes over.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogResumeFailed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Statistics rebuild: could not resume the projection daemon")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics rebuild started: {Total} events to count")]
    private static partial void LogStarted(ILogger logger, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics rebuild: {Processed}/{Total} events, {Rate:F0} events/s")]
    private static partial void LogProgress(ILogger logger, long processed, long total, double rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics rebuild finished: {Processed} events in {Seconds:F1} s")]
    private static partial void LogFinished(ILogger logger, long processed, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Statistics rebuild failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statistics rebuild: this node stops; the next leader starts the rebuild again")]
    private static partial void LogInterrupted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statistics rebuild: the one run by {Owner} stopped reporting; starting it again here")]
    private static partial void LogOrphaned(ILogger logger, string? owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statistics rebuild: could not look for a rebuild to run")]
    private static partial void LogPickUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Statistics rebuild: could not write its progress")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception);
}
