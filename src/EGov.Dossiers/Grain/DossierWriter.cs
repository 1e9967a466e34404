using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Events;
using EGov.Dossiers.Forms;
using EGov.Dossiers.Lifecycle;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace EGov.Dossiers.Grain;

/// <summary>
/// Writes a dossier's new events as one transaction: the events with the expected version, the forms and
/// notifications they call for, the deadline alarms they set and the milestones modules hear of — the last two
/// through Wolverine's outbox, so none exists without the others. The grain and the importer both write this way.
/// </summary>
public sealed class DossierWriter(OutboxedSessionFactory outbox, IWolverineRuntime wolverine, FormContexts forms, CalendarDeadlines deadlines, Kernel.PlatformClock clock,
    Lookup.PublicLookupCache lookup)
{
    /// <param name="now">When the events were decided: the business clock for the grain, the last action's instant for an import.</param>
    /// <returns>The state and history after the events.</returns>
    /// <exception cref="JasperFx.ConcurrencyException">Someone else appended to the stream first.</exception>
    public async Task<(DossierState State, List<VersionedEvent> History)> CommitAsync(
        Guid id, DossierState? before, IReadOnlyList<VersionedEvent> history, IReadOnlyList<IDossierEvent> events, DateTimeOffset now, string procedureCode)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(events);
        var next = new List<VersionedEvent>(history.Count + events.Count);
        next.AddRange(history);
        var version = history.Count == 0 ? 0 : history[^1].Version;
        next.AddRange(events.Select(e => new VersionedEvent(++version, e)));
        // One pass over the history gives the state after it and the forms the new events call for.
        var (after, composed) = FormComposer.Compose(next, events.Count, forms.For(procedureCode));

        var bus = new MessageContext(wolverine);
        await using var session = outbox.OpenSession(bus);
        if (before is null)
        {
            session.Events.StartStream<DossierState>(id, events);
        }
        else
        {
            session.Events.Append(id, before.Version + events.Count, events);
        }

        if (composed.Count > 0)
        {
            session.Store(composed.ToArray());
        }

        var notices = events.SelectMany(e => DeadlineNotifications.For(after, e, deadlines.InZone)).ToArray();
        if (notices.Length > 0)
        {
            session.Store(notices);
        }

        // Scheduled relative to the business clock's present; an alarm whose instant has passed fires at once.
        var present = clock.GetUtcNow();
        foreach (var alarm in DeadlineAlarms.Plan(before, after, now, deadlines.ForUnit(after.Unit)))
        {
            var delay = alarm.FireAt - present;
            await bus.ScheduleAsync(alarm, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        }

        foreach (var milestone in DossierMilestones.For(before, events, after))
        {
            await bus.PublishAsync(milestone);
        }

        await session.SaveChangesAsync();

        // This node's lookups see its own commit at once (read your writes); other nodes' through the change feed.
        lookup.Evict(after.Code);
        return (after, next);
    }
}
