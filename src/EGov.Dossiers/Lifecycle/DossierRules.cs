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
        [DossierActions.Receive] = new(s => s.Status == Submitted, (s, c) => c.IsOfficerOf(s.Unit, R.DeskOfficer)),
        [DossierActions.Refuse] = new(s => s.Status == Submitted || (s.Status == SupplementRequested && s.ReceivedAt is null),
            (s, c) => c.IsOfficerOf(s.Unit, R.DeskOfficer)),
        [DossierActions.RequestSupplement] = new(s => s.Status is Submitted or Received or Processing,
            (s, c) => s.Status == Submitted ? c.IsOfficerOf(s.Unit, R.DeskOfficer) : IsStepOfficer(s, c)),
        [DossierActions.Supplement] = new(s => s.Status == SupplementRequested,
            (s, c) => c.IsApplicant(s.Applicant) || c.IsOfficerOf(s.Unit, R.DeskOfficer)),
        [DossierActions.CompleteStep] = new(s => s.Status is Received or Processing && s.CurrentStepIndex >= 0 && s.CurrentStepIndex < s.Steps.Count - 1,
            HoldsCurrentStep),
        [DossierActions.ReturnStep] = new(s => s.Status is Processing && s.CurrentStepIndex > 0, IsStepOfficer),
        [DossierActions.Approve] = new(OnLastStep, IsLeaderOfCurrentStep),
        [DossierActions.Reject] = new(OnLastStep, IsLeaderOfCurrentStep),
        [DossierActions.Extend] = new(s => s.Status is Received or Processing && s.DueAt is not null,
            (s, c) => c.IsOfficerOf(s.Unit, R.Leader) || IsLeaderOfCurrentStep(s, c)),
        [DossierActions.IssueResult] = new(s => s.Status is Approved or AwaitingFee,
            (s, c) => c.IsOfficerOf(s.Unit, R.DeskOfficer) || c.IsOfficerOf(s.Unit, R.Specialist)),
        [DossierActions.Deliver] = new(s => s.Status == ResultReady, (s, c) => c.IsOfficerOf(s.Unit, R.DeskOfficer)),
        [DossierActions.Withdraw] = new(s => s.Status is Submitted or Received or Processing or SupplementRequested or AwaitingFee or Approved,
            (s, c) => c.IsApplicant(s.Applicant) || c.IsOfficerOf(s.Unit, R.DeskOfficer)),
        [DossierActions.Stop] = new(s => s.Status is Received or Processing or SupplementRequested && s.ReceivedAt is not null,
            (s, c) => c.IsOfficerOf(s.Unit, R.Leader)),
        [DossierActions.Rate] = new(s => s.Status == Delivered && s.Rating is null, (s, c) => c.IsApplicant(s.Applicant)),
    };

    public static bool StatusAllows(DossierState state, string action) => Table[action].StatusAllows(state);

    public static bool CallerMay(DossierState state, string action, Caller caller) => Table[action].CallerMay(state, caller);

    /// <summary>The actions this caller can take on this dossier now, in the canonical order.</summary>
    public static IReadOnlyList<string> Available(DossierState state, Caller caller) =>
        DossierActions.All.Where(a => StatusAllows(state, a) && CallerMay(state, a, caller)).ToArray();

    /// <summary>May the caller see the dossier at all? Otherwise even its existence is hidden (404).</summary>
    public static bool CanRead(DossierState state, Caller caller) =>
        caller.IsAdmin
        || caller.IsApplicant(state.Applicant)
        || (caller.Unit is { } unit && R.Officers.Any(caller.Has) && state.InvolvedUnits.Contains(unit));

    private static bool OnLastStep(DossierState s) =>
        s.Status is Received or Processing && s.CurrentStepIndex >= 0 && s.CurrentStepIndex == s.Steps.Count - 1;

    private static bool IsStepOfficer(DossierState s, Caller c) =>
        s.CurrentStep is { } step && (c.IsOfficerOf(step.Unit, R.Specialist) || c.IsOfficerOf(step.Unit, R.Leader));

    private static bool HoldsCurrentStep(DossierState s, Caller c) =>
        s.CurrentStep is { } step && (c.IsOfficerOf(step.Unit, step.Role) || c.IsOfficerOf(step.Unit, R.Leader));

    private static bool IsLeaderOfCurrentStep(DossierState s, Caller c) =>
        s.CurrentStep is { } step && c.IsOfficerOf(step.Unit, R.Leader);
}
