using EGov.Dossiers.Lifecycle;
using Wolverine.Attributes;

namespace EGov.Dossiers.Deadlines;

/// <summary>
/// A durable scheduled Wolverine message, written in the transaction of the event that set the deadline or recorded
/// its due-soon warning: each deadline has one pending at a time (<see cref="DeadlineAlarms.Plan"/>). When it
/// fires it is only a question ("is this deadline still the dossier's, and still unmet?"): the grain answers.
/// The Wolverine identity is pinned to the name alarms were stored under before the type moved from <c>Lifecycle</c>:
/// alarms scheduled weeks ahead are read back by that name, and an unknown name would never be handled.
/// </summary>
/// <param name="Scope"><c>dossier</c>, or the id of the step whose own deadline it is.</param>
/// <param name="FireAt">When it is meant to fire by the platform's clock.</param>
/// <param name="Chained">
/// Scheduled by the one-alarm-at-a-time planner, whose commit that records this warning schedules the next one.
/// False for alarms stored before it (read back without the field): the old planner scheduled a deadline's due-soon
/// and overdue alarms together, so raising one of those schedules nothing more for that deadline.
/// </param>
[GenerateSerializer]
[Alias("egov.deadline-alarm")]
[MessageIdentity("EGov.Dossiers.Lifecycle.DeadlineAlarm")]
public sealed record DeadlineAlarm(
    [property: Id(0)] Guid DossierId,
    [property: Id(1)] AlarmKind Kind,
    [property: Id(2)] string Scope,
    [property: Id(3)] DateTimeOffset DueAt,
    [property: Id(4)] DateTimeOffset FireAt,
    [property: Id(5)] bool Chained = false);
