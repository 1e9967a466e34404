using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace EGov.Dossiers.Foresight;

/// <summary>
/// The async projection behind <c>egov.step_durations</c>: one row per event that ended a step and carries
/// <c>stepOfficeTime</c>. Which step ended, and in which unit, is the state before the event (an approval or a
/// rejection does not name its step), so the projection folds each touched stream up to its last event in the batch;
/// intake writes no step-ending event and so costs it nothing. Rebuilding it is a replay.
/// </summary>
public sealed class StepHistoryProjection : IProjection
{
    public const string Name = "StepHistory";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        var touched = events.Where(e => OfficeTime(e.Data) is not null)
            .GroupBy(e => e.StreamId)
            .Select(g => (Stream: g.Key, Through: g.Max(e => e.Version), Versions: g.Select(e => e.Version).ToHashSet()))
            .ToList();
        if (touched.Count == 0)
        {
            return;
        }

        var rows = new List<StepDurationRow>();
        foreach (var (stream, through, versions) in touched)
        {
            var history = await operations.Events.FetchStreamAsync(stream, through, token: cancellation).ConfigureAwait(false);
            rows.AddRange(Ended(history.Select(e => (e.Version, e.Data)), versions));
        }

        if (rows.Count > 0)
        {
            operations.QueueSqlCommand(StepHistoryTable.InsertSql, Parameters(rows));
        }
    }

    /// <summary>
    /// The steps ended by the events at <paramref name="versions"/> of a history (oldest first): each with the
    /// procedure, the step and its unit as they stood just before the event. Pure, for the tests as well.
    /// </summary>
    public static IEnumerable<StepDurationRow> Ended(IEnumerable<(long Version, object Data)> history, IReadOnlySet<long> versions)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(versions);
        DossierState? state = null;
        foreach (var (version, data) in history)
        {
            if (versions.Contains(version) && OfficeTime(data) is { } spent && data is IDossierEvent dossierEvent && state?.CurrentStep is { } step)
            {
                yield return new StepDurationRow(state.Id, version, state.ProcedureCode, step.Id, step.Unit, dossierEvent.Meta.At, spent);
            }

            state = DossierEvolution.Apply(state, data, version);
        }
    }

    private static TimeSpan? OfficeTime(object data) => data switch
    {
        StepCompleted e => e.StepOfficeTime,
        StepReturned e => e.StepOfficeTime,
        DossierApproved e => e.StepOfficeTime,
        DossierRejected e => e.StepOfficeTime,
        _ => null,
    };

    private static object[] Parameters(List<StepDurationRow> rows) =>
    [
        rows.Select(r => r.DossierId).ToArray(),
        rows.Select(r => r.Version).ToArray(),
        rows.Select(r => r.ProcedureCode).ToArray(),
        rows.Select(r => r.StepId).ToArray(),
        rows.Select(r => r.Unit).ToArray(),
        rows.Select(r => r.EndedAt.ToUniversalTime()).ToArray(),
        rows.Select(r => (long)r.OfficeTime.TotalSeconds).ToArray(),
    ];
}
