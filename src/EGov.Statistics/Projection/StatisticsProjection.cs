using EGov.Dossiers.Events;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace EGov.Statistics.Projection;

/// <summary>
/// The async projection behind report II.06a and the watch lists. Each batch loads the tallies of the dossiers
/// it touches (one query), folds their events, writes the tallies and the day counters with one upsert each, all
/// in the daemon's transaction together with its progress mark: a batch counts entirely or not at all.
/// </summary>
public sealed class StatisticsProjection(TimeZoneInfo zone) : IProjection
{
    public const string Name = "Statistics";

    // If the daemon ever hands over a batch before the previous one is visible, a tally lags its stream:
    // wait for it rather than count from a stale state.
    private static readonly TimeSpan GapWait = TimeSpan.FromMilliseconds(50);
    private const int GapRetries = 100;

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        var dossierEvents = events.Where(e => e.Data is IDossierEvent).ToList();
        if (dossierEvents.Count == 0)
        {
            return;
        }

        var fold = new StatisticsFold(zone, await LoadAsync(operations, dossierEvents, cancellation).ConfigureAwait(false));
        foreach (var e in dossierEvents)
        {
            fold.Apply(e);
        }

        if (fold.Tallies.Count > 0)
        {
            operations.QueueSqlCommand(TallyTable.UpsertSql, TallyTable.UpsertParameters(fold.Tallies.Values));
        }

        if (fold.Changes.Count > 0)
        {
            operations.QueueSqlCommand(DailyTable.UpsertSql, DailyTable.UpsertParameters(fold.Changes));
        }

        if (fold.Changes.Values.Any(c => c.Answers is not null))
        {
            operations.QueueSqlCommand(AnswerTable.UpsertSql, AnswerTable.UpsertParameters(fold.Changes));
        }
    }

    private static async Task<Dictionary<Guid, DossierTally>> LoadAsync(IDocumentOperations operations, List<IEvent> events, CancellationToken cancellation)
    {
        var firstVersion = events.GroupBy(e => e.StreamId).ToDictionary(g => g.Key, g => g.Min(e => e.Version));
        for (var attempt = 0; ; attempt++)
        {
            var loaded = await operations.QueryAsync<string>(TallyTable.LoadSql, cancellation, firstVersion.Keys.ToArray()).ConfigureAwait(false);
            var tallies = loaded.Select(TallyTable.Read).ToDictionary(t => t.Id);
            var lagging = firstVersion.Count(kv => kv.Value > (tallies.TryGetValue(kv.Key, out var t) ? t.Version : 0) + 1);
            if (lagging == 0)
            {
                return tallies;
            }

            if (attempt >= GapRetries)
            {
                throw new InvalidOperationException(
                    $"Statistics projection: {lagging} dossier(s) have events missing before this batch; refusing to count from a stale state.");
            }

            await Task.Delay(GapWait, cancellation).ConfigureAwait(false);
        }
    }
}
