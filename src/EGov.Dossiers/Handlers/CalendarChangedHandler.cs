using EGov.Kernel;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Grain;
using EGov.Dossiers.Lifecycle;
using Marten;
using Microsoft.Extensions.Logging;

namespace EGov.Dossiers.Handlers;

/// <summary>
/// Re-lays the deadlines of the open dossiers whose clock runs into the future; each grain records
/// <c>DeadlinesRecomputed</c> and schedules its new alarms (the old ones find their deadline gone and do nothing).
/// </summary>
public static partial class CalendarChangedHandler
{
    public static async Task Handle(CalendarChanged message, IDocumentStore store, IGrainFactory grains, PlatformClock clock, ILogger<CalendarChanged> logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(store);
        var now = clock.GetUtcNow();
        IReadOnlyList<Guid> ids;
        await using (var query = store.QuerySession())
        {
            ids = await query.Query<DossierState>()
                .Where(x => x.IsOpen && x.ResolvedAt == null && x.DueAt != null && x.DueAt > now)
                .Select(x => x.Id)
                .ToListAsync(cancellationToken);
        }

        var moved = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (id, _) =>
        {
            if (await grains.GetGrain<IDossierGrain>(id).RecomputeDeadlines(message))
            {
                Interlocked.Increment(ref moved);
            }
        });
        LogRecomputed(logger, message.Year, ids.Count, moved);

        // Risk follows the new deadlines: any node's risk sweep runs a full sweep at its next turn (docs/foresight.md).
        await Sweeps.RiskSweepState.RequestFullAsync(store, clock.GetUtcNow(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar {Year} changed: {Checked} open dossiers checked, {Moved} had their deadlines moved")]
    private static partial void LogRecomputed(ILogger logger, int year, int @checked, int moved);
}
