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
    public const string AtRisk = "flagged at risk with an apology draft (step 2 of 3)";
    public const string RiskCleared = "flagged at risk, then cleared (caught up), its draft withdrawn";
    public const string ApologyIssued = "apology issued from the draft";
    public const string Escalated = "overdue, escalated to levels 1 and 2";

    public static readonly IReadOnlyList<string> All =
    [
        Submitted, IntakeSupplement, Received, AtAppraise, AtSign, ProcessingSupplement, AwaitingFee, Approved,
        ResultReady, Delivered, Rated, Refused, Rejected, Withdrawn, Stopped, AtRisk, RiskCleared, ApologyIssued, Escalated,
    ];

    /// <summary>The platform's foresight defaults with no risk model: a due-soon draft proposes one working day.</summary>
    public static readonly AlarmContext Foresight = new(EGov.Modules.Sdk.ForesightPolicy.Default, Vn.Deadlines, (_, _) => null);

    public static readonly RiskReason StepOverrun = new("step-overrun", "appraise", "Bước 'Thẩm định' đã dùng 3,5 trên 4 ngày", "Step 'Thẩm định' has used 3.5 of its 4 days", 0.7);

    /// <summary>The risk sweep's verdict on a dossier: 80 % late, finishing two working days after its appointment.</summary>
    public static IReadOnlyList<IDossierEvent> FlagAtRisk(DossierState s, DateTimeOffset now) =>
        RiskWarnings.Decide(s, s.DueAt!.Value, 0.8, Vn.Deadlines.Due(s.DueAt!.Value, 2, DurationUnit.WorkingDays), [StepOverrun], now, Vn.Deadlines).Events;

    /// <summary>The risk sweep's next verdict: 5 % late, below the default clear threshold: the flag clears.</summary>
    public static IReadOnlyList<IDossierEvent> ClearRisk(DossierState s, DateTimeOffset now) =>
        RiskClears.Decide(s, s.DueAt!.Value, 0.05, EGov.Modules.Sdk.ForesightPolicy.Default.RiskClearBelow, now, Vn.Deadlines).Events;

    /// <summary>What the dossier's alarm of <paramref name="kind"/> (and <paramref name="scope"/>) records when it fires on time.</summary>
    public static IReadOnlyList<IDossierEvent> Fire(DossierState s, AlarmKind kind, string scope, DateTimeOffset fireAt) =>
        DeadlineAlarms.Decide(s, new DeadlineAlarm(s.Id, kind, scope, s.DueAt!.Value, fireAt, Chained: true), fireAt, Foresight).Events;

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
        AtRisk => Build(AtAppraise).Record(Build(AtAppraise).Now.AddHours(1), FlagAtRisk),
        RiskCleared => Build(AtRisk).Record(Build(AtRisk).Now.AddHours(1), ClearRisk),
        ApologyIssued => Build(AtRisk).Do(A.IssueApology, P.Leader(U.Justice)),
        Escalated => Escalate(Build(AtAppraise)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown scenario."),
    };

    private static Story Escalate(Story story)
    {
        var due = story.State.DueAt!.Value;
        return story
            .Record(due, (s, at) => Fire(s, AlarmKind.Overdue, AlarmKey.DossierScope, at))
            .Record(Vn.Deadlines.Due(due, 2, DurationUnit.WorkingDays), (s, at) => Fire(s, AlarmKind.Escalation, DeadlineAlarms.EscalationScope(2), at));
    }
}
