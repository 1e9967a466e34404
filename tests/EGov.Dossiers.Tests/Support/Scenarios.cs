using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;
using U = EGov.Dossiers.Tests.Support.Plans;

namespace EGov.Dossiers.Tests.Support;

/// <summary>
/// Named dossiers in every status of the lifecycle, each reached through the decider from an online submission
/// of the inter-agency plan (STP specialist → SXD specialist → SXD leader, dossier unit STP).
/// </summary>
internal static class Scenarios
{
    public const string Submitted = "submitted online";
    public const string IntakeSupplement = "supplement requested at intake";
    public const string Received = "received (step 1 of 3, STP)";
    public const string AtAppraise = "processing (step 2 of 3, SXD)";
    public const string AtSign = "processing (last step, SXD)";
    public const string ProcessingSupplement = "supplement requested in processing";
    public const string AwaitingFee = "awaiting fee";
    public const string Approved = "approved (no fee)";
    public const string ResultReady = "result ready";
    public const string Delivered = "delivered";
    public const string Rated = "delivered and rated";
    public const string Refused = "refused";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
    public const string Stopped = "stopped";

    public static readonly IReadOnlyList<string> All =
    [
        Submitted, IntakeSupplement, Received, AtAppraise, AtSign, ProcessingSupplement, AwaitingFee, Approved,
        ResultReady, Delivered, Rated, Refused, Rejected, Withdrawn, Stopped,
    ];

    public static Story Build(string name) => name switch
    {
        Submitted => Story.Submit(),
        IntakeSupplement => Build(Submitted).Do(A.RequestSupplement, P.Desk()),
        Received => Build(Submitted).Do(A.Receive, P.Desk()),
        AtAppraise => Build(Received).Do(A.CompleteStep, P.Specialist(U.Justice)),
        AtSign => Build(AtAppraise).Do(A.CompleteStep, P.Specialist(U.Construction)),
        ProcessingSupplement => Build(AtAppraise).Do(A.RequestSupplement, P.Specialist(U.Construction)),
        AwaitingFee => Build(AtSign).Do(A.Approve, P.Leader(U.Construction)),
        Approved => Story.Submit(U.InterAgency(0m))
            .Do(A.Receive, P.Desk())
            .Do(A.CompleteStep, P.Specialist(U.Justice))
            .Do(A.CompleteStep, P.Specialist(U.Construction))
            .Do(A.Approve, P.Leader(U.Construction)),
        ResultReady => Build(AwaitingFee).Do(A.IssueResult, P.Desk()),
        Delivered => Build(ResultReady).Do(A.Deliver, P.Desk()),
        Rated => Build(Delivered).Do(A.Rate, P.Citizen),
        Refused => Build(Submitted).Do(A.Refuse, P.Desk()),
        Rejected => Build(AtSign).Do(A.Reject, P.Leader(U.Construction)),
        Withdrawn => Build(AtAppraise).Do(A.Withdraw, P.Citizen),
        Stopped => Build(Received).Do(A.Stop, P.Leader(U.Justice)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown scenario."),
    };
}
