using EGov.Kernel;
using EGov.Dossiers.Grain;
using EGov.Dossiers.Lifecycle;
using Marten;
using Microsoft.Extensions.Logging;
using Wolverine.Attributes;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// A year of the working calendar was replaced, with the old data so the time left can be measured on it. Published in
/// the transaction that stores the new year (a durable Wolverine message) and handed as is to every open dossier's
/// grain (an Orleans argument): one record for both. The Wolverine identity is pinned to the name messages were stored
/// under before, so a message still in the outbox is read back wherever this type lives; the Orleans alias is the one
/// the grain's former <c>CalendarChange</c> argument had.
/// </summary>
[GenerateSerializer]
[Alias("egov.calendar-change")]
[MessageIdentity("EGov.Dossiers.Deadlines.CalendarChanged")]
public sealed record CalendarChanged(
    [property: Id(0)] int Year,
    [property: Id(1)] IReadOnlyList<DateOnly> OldHolidays,
    [property: Id(2)] IReadOnlyList<DateOnly> OldWorkingDays,
    [property: Id(3)] string Actor);

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
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar {Year} changed: {Checked} open dossiers checked, {Moved} had their deadlines moved")]
    private static partial void LogRecomputed(ILogger logger, int year, int @checked, int moved);
}
