using EGov.Modules.Sdk;

namespace EGov.Dossiers.Tests.Oracle;

/// <summary>
/// The milestones as the writer computed them before issue 16 (from the states before and after a commit), kept as
/// the oracle for the relay's per-event computation from the committed event and the dossier's fixed facts.
/// </summary>
internal static class MilestonesOracle
{
    public static IReadOnlyList<DossierMilestone> For(DossierState? before, IReadOnlyList<IDossierEvent> events, DossierState after)
    {
        var milestones = new List<DossierMilestone>();
        var previousStep = before?.CurrentStep;
        foreach (var e in events)
        {
            var (name, step) = e switch
            {
                DossierReceived => (Milestones.Received, after.Steps.Count > 0 ? after.Steps[0] : null),
                StepCompleted c => (Milestones.HandedOver, after.Steps.Find(s => s.Id == c.NextStepId)),
                DossierApproved => (Milestones.Approved, null),
                DossierRejected => (Milestones.Rejected, null),
                ResultIssued => (Milestones.ResultIssued, null),
                ResultDelivered or DossierWithdrawn or DossierStopped or DossierRefused => (Milestones.Closed, null),
                _ => ((string?)null, (PlannedStep?)null),
            };
            if (name is null)
            {
                continue;
            }

            if (name == Milestones.HandedOver && step is not null && previousStep is not null && step.Unit == previousStep.Unit)
            {
                previousStep = step;
                continue;
            }

            previousStep = step ?? previousStep;
            milestones.Add(new DossierMilestone(after.Id, after.Code, after.ProcedureCode, name, step?.Unit ?? after.Unit, step?.Id, after.Details, e.Meta.At));
        }

        return milestones;
    }
}
