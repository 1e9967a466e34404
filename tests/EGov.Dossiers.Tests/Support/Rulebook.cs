using static EGov.Dossiers.Model.DossierStatus;
using A = EGov.Dossiers.Lifecycle.DossierActions;

namespace EGov.Dossiers.Tests.Support;

/// <summary>
/// The lifecycle's rules written down again from the specification, independently of <see cref="DossierRules"/>:
/// the oracle the matrix and the properties compare the decider with.
/// </summary>
internal static class Rulebook
{
    public static readonly IReadOnlySet<DossierStatus> Final = new HashSet<DossierStatus> { Delivered, Refused, Rejected, Withdrawn, Stopped };

    public static readonly IReadOnlySet<DossierStatus> ClosedWithoutResult = new HashSet<DossierStatus> { Refused, Rejected, Withdrawn, Stopped };

    /// <summary>The units that have held the dossier: the receiving unit, then the unit of every step it reached.</summary>
    public static IReadOnlySet<string> InvolvedUnits(DossierState state, IEnumerable<IDossierEvent> history)
    {
        var units = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in history)
        {
            switch (e)
            {
                case DossierSubmitted s:
                    units.Add(s.Unit);
                    break;
                case DossierReceived:
                    units.Add(state.Steps[0].Unit);
                    break;
                case StepCompleted c:
                    units.Add(state.Steps.Single(x => x.Id == c.NextStepId).Unit);
                    break;
            }
        }

        return units;
    }

    /// <summary>Admin, the applicant, and officers of a unit that has held the dossier may know it exists.</summary>
    public static bool CanRead(Caller c, DossierState s, IReadOnlySet<string> involved) =>
        c.Roles.Contains(Roles.Admin)
        || (c.Roles.Contains(Roles.Citizen) && c.CitizenId == s.Applicant.IdNumber)
        || (c.Unit is not null && c.Roles.Any(r => r is Roles.DeskOfficer or Roles.Specialist or Roles.Leader) && involved.Contains(c.Unit));

    public static bool StatusAllows(DossierState s, string action)
    {
        var received = s.ReceivedAt is not null;
        var step = s.CurrentStepIndex;
        var last = s.Steps.Count - 1;
        var processing = s.Status is DossierStatus.Received or Processing;
        return action switch
        {
            A.Receive => s.Status == Submitted,
            A.Refuse => s.Status == Submitted || (s.Status == DossierStatus.SupplementRequested && !received),
            A.RequestSupplement => s.Status is Submitted || processing,
            A.Supplement => s.Status == DossierStatus.SupplementRequested,
            A.CompleteStep => processing && step < last,
            A.ReturnStep => s.Status == Processing && step > 0,
            A.Approve or A.Reject => processing && step == last,
            A.Extend or A.IssueApology => processing,
            A.IssueResult => s.Status is DossierStatus.Approved or AwaitingFee,
            A.Deliver => s.Status == ResultReady,
            A.Withdraw => s.Status is Submitted or DossierStatus.Received or Processing or DossierStatus.SupplementRequested or AwaitingFee or DossierStatus.Approved,
            A.Stop => received && s.Status is DossierStatus.Received or Processing or DossierStatus.SupplementRequested,
            A.Rate => s.Status == Delivered && s.Rating is null,
            A.Assign => processing,
            A.Claim => processing && s.Assignee is null,
            A.Release => processing && s.Assignee is not null,
            _ => false,
        };
    }

    public static bool CallerMay(DossierState s, string action, Caller c)
    {
        bool Is(string role, string? unit) => unit is not null && c.Unit == unit && c.Roles.Contains(role);
        var applicant = c.Roles.Contains(Roles.Citizen) && c.CitizenId == s.Applicant.IdNumber;
        var desk = Is(Roles.DeskOfficer, s.Unit) || Is(Roles.DeskOfficer, s.ReceivingUnit);
        var stepUnit = s.CurrentStepIndex >= 0 ? s.Steps[s.CurrentStepIndex].Unit : null;
        var stepRole = s.CurrentStepIndex >= 0 ? s.Steps[s.CurrentStepIndex].Role : null;
        var stepLeader = Is(Roles.Leader, stepUnit);

        // Issue 18: an assigned step's work is the assignee's and the step unit's leader's only.
        var assignee = s.Assignee is not null && c.Subject == s.Assignee && c.Unit == stepUnit;
        var free = s.Assignee is null || assignee || stepLeader;
        var holdsRole = (stepRole is not null && Is(stepRole, stepUnit)) || stepLeader;
        return action switch
        {
            A.Receive or A.Refuse or A.Deliver => desk,
            A.RequestSupplement => s.Status == Submitted ? desk : (Is(Roles.Specialist, stepUnit) || stepLeader) && free,
            A.Supplement or A.Withdraw => applicant || desk,
            A.CompleteStep => holdsRole && free,
            A.ReturnStep => (Is(Roles.Specialist, stepUnit) || stepLeader) && free,
            A.Assign => stepLeader,
            A.Claim => holdsRole,
            A.Release => assignee || stepLeader,
            A.Approve or A.Reject => stepLeader,
            A.Extend or A.IssueApology => Is(Roles.Leader, s.Unit) || stepLeader,
            A.IssueResult => desk || Is(Roles.Specialist, s.Unit),
            A.Stop => Is(Roles.Leader, s.Unit),
            A.Rate => applicant,
            _ => false,
        };
    }

    /// <summary>What a command with valid inputs and no expected version must get: null when it is carried out.</summary>
    public static ErrorKind? Expected(DossierState s, IReadOnlySet<string> involved, string action, Caller c) =>
        !CanRead(c, s, involved) ? ErrorKind.NotFound
        : !StatusAllows(s, action) ? ErrorKind.NotAllowed
        : !CallerMay(s, action, c) ? ErrorKind.Forbidden
        : NothingToIssue(s, action) ? ErrorKind.Conflict
        : null;

    /// <summary>Issue 19: <c>issue-apology</c> issues the prepared draft; without one there is nothing to issue (409).</summary>
    public static bool NothingToIssue(DossierState s, string action) => action == A.IssueApology && s.ApologyDraft is null;

    /// <summary>The role an event records for the caller who took the action.</summary>
    public static string RoleOf(Caller c) => c.Roles.Single();
}
