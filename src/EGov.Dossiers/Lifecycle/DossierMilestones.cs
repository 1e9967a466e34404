using EGov.Dossiers.Events;
using EGov.Modules.Sdk;

namespace EGov.Dossiers.Lifecycle;

/// <summary>
/// Which published milestone (for modules to react to) a committed event amounts to. Pure. It needs only the
/// dossier's facts fixed when it was submitted (code, procedure, unit, the planned steps, the details), so the relay
/// that reads committed events can compute it from the event and the read model whatever happened to the dossier since.
/// </summary>
public static class DossierMilestones
{
    /// <summary>The event types that can be a milestone (the relay reads only these).</summary>
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(DossierReceived), typeof(StepCompleted), typeof(DossierApproved), typeof(DossierRejected), typeof(ResultIssued),
        typeof(ResultDelivered), typeof(DossierWithdrawn), typeof(DossierStopped), typeof(DossierRefused),
    ];

    /// <param name="facts">The dossier (any version: only what was fixed at submission is read).</param>
    /// <param name="e">A committed event of that dossier.</param>
    /// <returns>The milestone, or null when the event is none (or a hand-over inside one unit).</returns>
    public static DossierMilestone? Of(DossierState facts, IDossierEvent e)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(e);
        var (name, step) = e switch
        {
            DossierReceived => (Milestones.Received, facts.Steps.Count > 0 ? facts.Steps[0] : null),
            StepCompleted c => (Milestones.HandedOver, facts.Steps.Find(s => s.Id == c.NextStepId)),
            DossierApproved => (Milestones.Approved, null),
            DossierRejected => (Milestones.Rejected, null),
            ResultIssued => (Milestones.ResultIssued, null),
            ResultDelivered or DossierWithdrawn or DossierStopped or DossierRefused => (Milestones.Closed, null),
            _ => ((string?)null, (PlannedStep?)null),
        };
        if (name is null)
        {
            return null;
        }

        // A hand-over inside one unit is an internal step; other agencies care when the dossier crosses to them.
        if (e is StepCompleted completed && step is not null && facts.Steps.Find(s => s.Id == completed.StepId) is { } from && from.Unit == step.Unit)
        {
            return null;
        }

        return new DossierMilestone(facts.Id, facts.Code, facts.ProcedureCode, name, step?.Unit ?? facts.Unit, step?.Id, facts.Details, e.Meta.At);
    }

    /// <summary>The milestones of a commit's events, in order (what modules hear of, one per milestone event).</summary>
    public static IReadOnlyList<DossierMilestone> For(DossierState facts, IEnumerable<IDossierEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Select(e => Of(facts, e)).OfType<DossierMilestone>().ToArray();
    }
}
