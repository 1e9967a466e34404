using System.Runtime;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Logging;

namespace EGov.Statistics.Projection;

/// <summary>Progress of a rebuild, as <c>GET /api/v1/statistics/rebuild</c> shows it.</summary>
/// <param name="Phase">"reading" while events are counted, "writing" while the result is swapped in, then "done" or "failed".</param>
public sealed record RebuildProgress(
    bool Running, long Processed, long Total, double? EventsPerSecond, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error,
    string? Phase);

/// <summary>
/// Rebuilds the statistics projection from the whole event store in the background (after a change of the
/// counting rules): pauses this node's projection daemon, replays every event up to the high-water mark with
/// <see cref="StatisticsReplay"/>, swaps the result in and resumes the daemon, which goes on from that mark.
/// Reports how far it has got, in the log every few seconds and to the API.
/// </summary>
/// <param name="coordinator">This node's projection daemon; absent on a node started with <c>Statistics:Daemon=Disabled</c>,
/// which cannot pause the daemon that does the counting (it runs on another node), so it does not rebuild.</param>
public sealed partial class StatisticsRebuild(StatisticsReplay replay, ILogger<StatisticsRebuild> log, IProjectionCoordinator? coordinator = null)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromHours(6);
    public static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _finishedAt;
    private long _total;
    private long _processed;
    private bool _failed;
    private string? _error;
    private bool _running;

    /// <summary>False on a node that does not run the statistics projection: start a rebuild on the node that does.</summary>
    public bool RunsHere => coordinator is not null;

    /// <summary>Starts a rebuild unless one is running; false when one is.</summary>
    public bool TryStart()
    {
        if (coordinator is null)
        {
            throw new InvalidOperationException("This node does not run the statistics projection (Statistics:Daemon=Disabled); rebuild on the node that does.");
        }

        lock (_gate)
        {
            if (_running)
            {
                return false;
            }

            _running = true;
            _startedAt = DateTimeOffset.UtcNow;
            _finishedAt = null;
            _error = null;
            _total = 0;
            _processed = 0;
            _failed = false;
        }

        _ = Task.Run(RunAsync);
        return true;
    }

    public RebuildProgress Progress()
    {
        lock (_gate)
        {
            var seconds = _startedAt is { } s ? ((_finishedAt ?? DateTimeOffset.UtcNow) - s).TotalSeconds : 0;
            var processed = Interlocked.Read(ref _processed);
            return new RebuildProgress(_running, processed, _total, seconds > 0 ? Math.Round(processed / seconds) : null,
                _startedAt, _finishedAt, _error, Phase(processed));
        }
    }

    // Every event folded and the replay still running: it is swapping the result in.
    private string? Phase(long processed) =>
        _startedAt is null ? null
        : _failed ? "failed"
        : _finishedAt is not null ? "done"
        : _total > 0 && processed >= _total ? "writing"
        : "reading";

    private async Task RunAsync()
    {
        using var stop = new CancellationTokenSource(Timeout);
        var paused = false;
        try
        {
            var daemon = coordinator!.DaemonForMainDatabase();

            // Read before pausing, which stops this node's high-water agent too.
            var through = await replay.HighWaterMarkAsync(daemon.HighWaterMark(), stop.Token).ConfigureAwait(false);

            // This node's agent must not write while the replay swaps its result in. Stopping the agent alone is not
            // enough: the coordinator's leadership loop restarts any agent that is not running within seconds. Pausing
            // the coordinator stops that loop and keeps its leadership lock, so no other node takes over meanwhile (a
            // leader on another node cannot corrupt the swap either: see StatisticsReplay). The agent resumes from
            // the replay's mark.
            await coordinator.PauseAsync().ConfigureAwait(false);
            paused = true;

            lock (_gate)
            {
                _total = through;
            }

            LogStarted(log, through);
            var replaying = replay.RunAsync(through, seq => Interlocked.Exchange(ref _processed, seq), stop.Token);
            while (await Task.WhenAny(replaying, Task.Delay(LogEvery, stop.Token)).ConfigureAwait(false) != replaying)
            {
                var p = Progress();
                LogProgress(log, p.Processed, p.Total, p.EventsPerSecond ?? 0);
            }

            await replaying.ConfigureAwait(false);

            // The fold (about a kilobyte per dossier) is garbage now: give it back at once, compacted, rather than
            // leave a background collection of a heap that size to compete with requests for the CPU later.
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            lock (_gate)
            {
                _processed = through;
                _finishedAt = DateTimeOffset.UtcNow;
            }

            LogFinished(log, through, (_finishedAt - _startedAt)!.Value.TotalSeconds);
        }
#pragma warning disable CA1031 // A failed rebuild is reported through the API and the log; the host keeps running.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFailed(log, e);
            lock (_gate)
            {
                _error = e.Message;
                _finishedAt = DateTimeOffset.UtcNow;
                _failed = true;
            }
        }
        finally
        {
            if (paused)
            {
                await ResumeAsync().ConfigureAwait(false);
            }

            lock (_gate)
            {
                _running = false;
            }
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
}
