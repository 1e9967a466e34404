using EGov.Dossiers.Model;
using static EGov.Dossiers.Model.DossierStatus;
using R = EGov.Kernel.Roles;

namespace EGov.Dossiers.Lifecycle;

/// <summary>
/// Who may take which action in which status: the one table both the decider and <c>availableActions</c> read.
/// A status check failing means the lifecycle forbids the action now (422); a caller check failing means the
/// action belongs to somebody else (403).
/// </summary>
public static class DossierRules
{
    private sealed record Rule(Func<DossierState, bool> StatusAllows, Func<DossierState, Caller, bool> CallerMay);

    private static readonly Dictionary<string, Rule> Table = new(StringComparer.Ordinal)
    {
        [DossierActions.Receive] = new(s => s.Status == Submitted, IsDesk),
        [DossierActions.Refuse] = new(s => s.Status == Submitted || (s.Status == SupplementRequested && s.ReceivedAt is null),
            IsDesk),
        [DossierActions.RequestSupplement] = new(s => s.Status is Submitted or Received or Processing,
            (s, c) => s.Status == Submitted ? IsDesk(s, c) : IsStepOfficer(s, c) && AssigneeOrLeader(s, c)),
        [DossierActions.Supplement] = new(s => s.Status == SupplementRequested,
            (s, c) => c.IsApplicant(s.Applicant) || IsDesk(s, c)),
        [DossierActions.CompleteStep] = new(s => s.Status is Received or Processing && s.CurrentStepIndex >= 0 && s.CurrentStepIndex < s.Steps.Count - 1,
            (s, c) => HoldsCurrentStep(s, c) && AssigneeOrLeader(s, c)),
        [DossierActions.ReturnStep] = new(s => s.Status is Processing && s.CurrentStepIndex > 0, (s, c) => IsStepOfficer(s, c) && AssigneeOrLeader(s, c)),
        [DossierActions.Approve] = new(OnLastStep, IsLeaderOfCurrentStep),
        [DossierActions.Reject] = new(OnLastStep, IsLeaderOfCurrentStep),
        [DossierActions.Extend] = new(CanExtend, MayExtend),

        // Whether there is a draft to issue is the decider's 409 (no-apology-draft), not the lifecycle's 422.
        [DossierActions.IssueApology] = new(CanExtend, MayExtend),
        [DossierActions.IssueResult] = new(s => s.Status is Approved or AwaitingFee,
            (s, c) => IsDesk(s, c) || c.IsOfficerOf(s.Unit, R.Specialist)),
        [DossierActions.Deliver] = new(s => s.Status == ResultReady, IsDesk),
        [DossierActions.Withdraw] = new(s => s.Status is Submitted or Received or Processing or SupplementRequested or AwaitingFee or Approved,
            (s, c) => c.IsApplicant(s.Applicant) || IsDesk(s, c)),
        [DossierActions.Stop] = new(s => s.Status is Received or Processing or SupplementRequested && s.ReceivedAt is not null,
            (s, c) => c.IsOfficerOf(s.Unit, R.Leader)),
        [DossierActions.Rate] = new(s => s.Status == Delivered && s.Rating is null, (s, c) => c.IsApplicant(s.Applicant)),

        // Assignment: the leader of the step's unit gives the step to someone; an officer who could do it takes a free
        // one; the holder (or that leader) lets it go. Whether the chosen officer may hold it is the decider's 400.
        [DossierActions.Assign] = new(StepRuns, IsLeaderOfCurrentStep),
        [DossierActions.Claim] = new(s => StepRuns(s) && s.Assignee is null, HoldsCurrentStep),
        [DossierActions.Release] = new(s => StepRuns(s) && s.Assignee is not null, (s, c) => IsAssignee(s, c) || IsLeaderOfCurrentStep(s, c)),
    };

    public static bool StatusAllows(DossierState state, string action) => Table[action].StatusAllows(state);

    public static bool CallerMay(DossierState state, string action, Caller caller) => Table[action].CallerMay(state, caller);

    /// <summary>The actions this caller can take on this dossier now, in the canonical order.</summary>
    /// <remarks><c>issue-apology</c> is offered only while a draft exists: without one it could only be refused.</remarks>
    public static IReadOnlyList<string> Available(DossierState state, Caller caller) =>
        DossierActions.All.Where(a => StatusAllows(state, a) && CallerMay(state, a, caller)
            && (a != DossierActions.IssueApology || state.ApologyDraft is not null)).ToArray();

    /// <summary>May the caller see the dossier at all? Otherwise even its existence is hidden (404).</summary>
    public static bool CanRead(DossierState state, Caller caller) =>
        caller.IsAdmin
        || caller.IsApplicant(state.Applicant)
        || (caller.Unit is { } unit && R.Officers.Any(caller.Has) && state.InvolvedUnits.Contains(unit));

    /// <summary>The caller is the officer holding the current step (same subject, still in the step's unit).</summary>
    public static bool IsAssignee(DossierState s, Caller c) =>
        s.Assignee is { } a && s.CurrentStep is { } step && string.Equals(c.Subject, a, StringComparison.Ordinal) && string.Equals(c.Unit, step.Unit, StringComparison.Ordinal);

    // An assigned step's work is the assignee's (and their leader's); an unassigned one is anyone's who holds the role.
    private static bool AssigneeOrLeader(DossierState s, Caller c) => s.Assignee is null || IsAssignee(s, c) || IsLeaderOfCurrentStep(s, c);

    private static bool StepRuns(DossierState s) => s.Status is Received or Processing && s.CurrentStep is not null;

    // The desk of the competent unit, or the desk that received the dossier across the boundary (it returns the result).
    private static bool IsDesk(DossierState s, Caller c) =>
        c.IsOfficerOf(s.Unit, R.DeskOfficer) || (s.ReceivingUnit is { } desk && c.IsOfficerOf(desk, R.DeskOfficer));

    private static bool CanExtend(DossierState s) => s.Status is Received or Processing && s.DueAt is not null;

    private static bool MayExtend(DossierState s, Caller c) => c.IsOfficerOf(s.Unit, R.Leader) || IsLeaderOfCurrentStep(s, c);

    private static bool OnLastStep(DossierState s) =>
        s.Status is Received or Processing && s.CurrentStepIndex >= 0 && s.CurrentStepIndex == s.Steps.Count - 1;

    private static bool IsStepOfficer(DossierState s, Caller c) =>
        s.CurrentStep is { } step && (c.IsOfficerOf(step.Unit, R.Specialist) || c.IsOfficerOf(step.Unit, R.Leader));

    private static bool HoldsCurrentStep(DossierState s, Caller c) =>
        s.CurrentStep is { } step && (c.IsOfficerOf(step.Unit, step.Role) || c.IsOfficerOf(step.Unit, R.Leader));

    private static bool IsLeaderOfCurrentStep(DossierState s, Caller c) =>
        s.CurrentStep is { } step && c.IsOfficerOf(step.Unit, R.Leader);
}
