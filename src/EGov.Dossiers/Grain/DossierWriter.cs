using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;

namespace EGov.Dossiers.Grain;

/// <summary>
/// Writes a dossier's new events as one transaction: the events with the expected version, the notifications
/// they call for and the deadline alarms they set (through Wolverine's outbox), so none exists without the others.
/// The grain and the importer both write this way. Forms are not written: they are rendered from the events when
/// read (docs/architecture.md, "Generated forms"). Nor are the milestones modules hear of:
/// <see cref="Relay.MilestoneRelay"/> reads them off the committed events.
/// </summary>
public sealed class DossierWriter(OutboxedSessionFactory outbox, IWolverineRuntime wolverine, CalendarDeadlines deadlines, Kernel.PlatformClock clock,
    Lookup.PublicLookupCache lookup, Catalog.ProcedureCatalog catalog, Notifications.NotificationOptions mail)
{
    /// <param name="now">When the events were decided: the business clock for the grain, the last action's instant for an import.</param>
    /// <param name="fired">The deadline alarm whose warning the events record, if they do (it decides what is scheduled next).</param>
    /// <param name="toApplicant">Whether the events' e-mails to the applicant are written: not for an import, whose moments are past.</param>
    /// <returns>The state and history after the events.</returns>
    /// <exception cref="JasperFx.ConcurrencyException">Someone else appended to the stream first.</exception>
    public async Task<(DossierState State, List<VersionedEvent> History)> CommitAsync(
        Guid id, DossierState? before, IReadOnlyList<VersionedEvent> history, IReadOnlyList<IDossierEvent> events, DateTimeOffset now, DeadlineAlarm? fired = null, bool toApplicant = true)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(events);
        var next = new List<VersionedEvent>(history.Count + events.Count);
        next.AddRange(history);
        var version = history.Count == 0 ? 0 : history[^1].Version;
        next.AddRange(events.Select(e => new VersionedEvent(++version, e)));
        var after = DossierEvolution.Fold(next);

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

        var notices = events.SelectMany(e => DeadlineNotifications.For(after, e, deadlines.InZone)).ToArray();
        if (notices.Length > 0)
        {
            session.Store(notices);
        }

        // The applicant's e-mails, in this transaction: committed with their events or not at all (docs/notifications.md).
        if (toApplicant && mail.Enabled)
        {
            foreach (var (ordinal, e) in next.Skip(history.Count))
            {
                if (Notifications.CitizenMessages.For(after, e, ordinal, deadlines.InZone, mail.LookupUrl(after.Code), Notifications.MessageTemplates.Embedded) is { } m)
                {
                    session.QueueSqlCommand(Notifications.CitizenMessageTable.InsertSql, m.DossierId, m.Version, m.Kind, m.To, m.Subject, m.Body);
                }
            }
        }

        // The dossier's next warning, when this commit moved it (one pending alarm per dossier). Scheduled relative
        // to the business clock's present; an alarm whose instant has passed fires at once.
        var present = clock.GetUtcNow();
        foreach (var alarm in DeadlineAlarms.Plan(before, after, now, deadlines.ForUnit(after.Unit), fired, PolicyOf(after)))
        {
            var delay = alarm.FireAt - present;
            await bus.ScheduleAsync(alarm, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        }

        await session.SaveChangesAsync();

        // This node's lookups see its own commit at once (read your writes); other nodes' through the change feed.
        lookup.Evict(after.Code);
        return (after, next);
    }

    /// <summary>The dossier's module's foresight policy (step warning share, escalation chain); the defaults for a procedure no longer in the catalog.</summary>
    public Modules.Sdk.ForesightPolicy PolicyOf(DossierState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return catalog.FindProcedure(state.ProcedureCode)?.Foresight ?? Modules.Sdk.ForesightPolicy.Default;
    }
}
