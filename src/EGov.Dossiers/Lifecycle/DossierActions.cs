namespace EGov.Dossiers.Lifecycle;

/// <summary>The action names of api-v1.md, as they appear in URLs and in <c>availableActions</c>.</summary>
public static class DossierActions
{
    public const string Receive = "receive";
    public const string Refuse = "refuse";
    public const string RequestSupplement = "request-supplement";
    public const string Supplement = "supplement";
    public const string CompleteStep = "complete-step";
    public const string ReturnStep = "return-step";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Extend = "extend";

    /// <summary>Issues the prepared form 04 (the apology draft) with one call: its days, or others with a reason (issue 19).</summary>
    public const string IssueApology = "issue-apology";
    public const string IssueResult = "issue-result";
    public const string Deliver = "deliver";
    public const string Withdraw = "withdraw";
    public const string Stop = "stop";
    public const string Rate = "rate";
    public const string Assign = "assign";
    public const string Claim = "claim";
    public const string Release = "release";

    public static readonly IReadOnlyList<string> All =
    [
        Receive, Refuse, RequestSupplement, Supplement, CompleteStep, ReturnStep, Approve, Reject, Extend,
        IssueApology, IssueResult, Deliver, Withdraw, Stop, Rate,
        Assign, Claim, Release,
    ];

    /// <summary>The actions that say who holds the current step; they change no status (docs/api.md, "Assignment").</summary>
    public static readonly IReadOnlySet<string> Assignment = new HashSet<string>(StringComparer.Ordinal) { Assign, Claim, Release };

    /// <summary>Actions whose event must say why: the reason is printed on the form the applicant receives.</summary>
    public static readonly IReadOnlySet<string> NeedReason = new HashSet<string>(StringComparer.Ordinal)
    {
        Refuse, RequestSupplement, ReturnStep, Reject, Extend, Withdraw, Stop,
    };
}
