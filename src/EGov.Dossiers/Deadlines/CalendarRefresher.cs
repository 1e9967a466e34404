using EGov.Calendar;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// Keeps this node's calendar in force equal to the stored one, so a <c>PUT /api/v1/calendar/{year}</c> on any node
/// governs every node: a poll every <c>Calendar:RefreshSeconds</c> (default 2; 0 turns the poll off), and
/// <see cref="EnsureAsync"/> for a grain that must re-lay deadlines on a year this node may not have polled yet.
/// </summary>
public sealed partial class CalendarRefresher(IDocumentStore store, CalendarProvider calendars, IConfiguration configuration, ILogger<CalendarRefresher> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _refreshes;

    /// <summary>
    /// Returns once this node's calendar holds <paramref name="year"/> or has read the store since the call began. A
    /// calendar change sends thousands of grains here at once: they wait on one read instead of each making their own.
    /// </summary>
    public async Task EnsureAsync(CalendarYear year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(year);
        if (CalendarStore.Holds(calendars.Current, year))
        {
            return;
        }

        var seen = Interlocked.Read(ref _refreshes);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // A read of the store began after we arrived and has ended (reads run under the gate): it saw our year or a newer one.
            if (Interlocked.Read(ref _refreshes) == seen && !CalendarStore.Holds(calendars.Current, year))
            {
                await RefreshAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Puts a year just stored by this node in force here, under the same gate as the poll: a poll that read the store
    /// before the year was committed cannot then write the old year back over it.
    /// </summary>
    public async Task<WorkingCalendar> ApplyStoredAsync(CalendarYear year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(year);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return calendars.Update(c => c.WithYear(year));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the stored years now, under the poll's gate: after it, this node holds every year committed before the call.</summary>
    public async Task RefreshNowAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RefreshAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Calendar:RefreshSeconds", 2.0);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshNowAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away: the calendar in force stays as it was; the next tick tries again.
                LogRefreshFailed(logger, ex);
            }
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    // Counted as it starts: a read that began before a caller arrived may predate the change that caller waits for.
    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _refreshes);
        if (await CalendarStore.LoadAsync(store, calendars, cancellationToken))
        {
            LogRefreshed(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar: a year stored by another node is now in force here")]
    private static partial void LogRefreshed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar: the stored years could not be read; the calendar in force is unchanged")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
