using EGov.Statistics.Query;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EGov.Statistics.Projection;

/// <summary>Progress of a rebuild, as <c>GET /api/v1/statistics/rebuild</c> shows it.</summary>
public sealed record RebuildProgress(
    bool Running, long Processed, long Total, double? EventsPerSecond, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error);

/// <summary>
/// Rebuilds the statistics projection from the whole event store in the background (after a change of the
/// counting rules): the daemon tears the tallies and day counters down and replays every event, while this
/// reports how far it has got, in the log every few seconds and to the API.
/// </summary>
public sealed partial class StatisticsRebuild(IProjectionCoordinator coordinator, StatisticsReader reader, NpgsqlDataSource db, ILogger<StatisticsRebuild> log)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromHours(6);
    public static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _finishedAt;
    private long _total;
    private long _processedAtEnd;
    private string? _error;
    private bool _running;

    /// <summary>Starts a rebuild unless one is running; false when one is.</summary>
    public bool TryStart()
    {
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
        }

        _ = Task.Run(RunAsync);
        return true;
    }

    public async Task<RebuildProgress> ProgressAsync(CancellationToken cancellation)
    {
        bool running;
        DateTimeOffset? started, finished;
        long total;
        string? error;
        lock (_gate)
        {
            (running, started, finished, total, error) = (_running, _startedAt, _finishedAt, _total, _error);
        }

        var processed = running ? await reader.ProjectedThroughAsync(cancellation).ConfigureAwait(false) : _processedAtEnd;
        var seconds = started is { } s ? ((finished ?? DateTimeOffset.UtcNow) - s).TotalSeconds : 0;
        return new RebuildProgress(running, Math.Min(processed, total), total,
            seconds > 0 ? Math.Round(Math.Min(processed, total) / seconds) : null, started, finished, error);
    }

    private async Task RunAsync()
    {
        using var stop = new CancellationTokenSource(Timeout);
        try
        {
            await using (var cmd = db.CreateCommand("SELECT coalesce(max(seq_id), 0) FROM egov.mt_events"))
            {
                var total = (long)(await cmd.ExecuteScalarAsync(stop.Token).ConfigureAwait(false))!;
                lock (_gate)
                {
                    _total = total;
                }
            }

            LogStarted(log, _total);
            var daemon = coordinator.DaemonForMainDatabase();
            var rebuild = daemon.RebuildProjectionAsync(StatisticsProjection.Name, Timeout, stop.Token);
            while (await Task.WhenAny(rebuild, Task.Delay(LogEvery, stop.Token)).ConfigureAwait(false) != rebuild)
            {
                var p = await ProgressAsync(stop.Token).ConfigureAwait(false);
                LogProgress(log, p.Processed, p.Total, p.EventsPerSecond ?? 0);
            }

            await rebuild.ConfigureAwait(false);
            _processedAtEnd = await reader.ProjectedThroughAsync(stop.Token).ConfigureAwait(false);
            lock (_gate)
            {
                _finishedAt = DateTimeOffset.UtcNow;
                _running = false;
            }

            LogFinished(log, _processedAtEnd, (_finishedAt - _startedAt)!.Value.TotalSeconds);
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
                _running = false;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics rebuild started: {Total} events to count")]
    private static partial void LogStarted(ILogger logger, long total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics rebuild: {Processed}/{Total} events, {Rate:F0} events/s")]
    private static partial void LogProgress(ILogger logger, long processed, long total, double rate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Statistics rebuild finished: {Processed} events in {Seconds:F1} s")]
    private static partial void LogFinished(ILogger logger, long processed, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Statistics rebuild failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
