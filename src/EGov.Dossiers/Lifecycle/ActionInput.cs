using EGov.Dossiers.Model;
using EGov.Dossiers.Satisfaction;

namespace EGov.Dossiers.Lifecycle;

/// <summary>
/// A lifecycle action as it arrives: the action named in the URL (or in an imported record) and whatever fields came
/// with it. <see cref="Parse"/> is the one place that turns it into a typed <see cref="DossierCommand"/>; the HTTP
/// edge, the importer, the demo data and the tests all go through it, so a missing field is refused the same way
/// everywhere.
/// </summary>
public sealed record ActionInput(
    string Action,
    long? ExpectedVersion,
    string? Reason,
    IReadOnlyList<Guid> DocumentIds,
    int? WorkingDays,
    int? Rating,
    string? ToStepId,
    Caller Caller)
{
    /// <summary>The rate action's answers per criterion (optional: older clients send the overall rating only).</summary>
    public IReadOnlyDictionary<string, int>? Answers { get; init; }

    /// <summary>The survey the answers are checked against; the default survey when the caller names none (imports, demo data).</summary>
    public SurveyKey? Survey { get; init; }

    /// <summary>The subject of the officer to assign the current step to (<c>assign</c>).</summary>
    public string? Assignee { get; init; }

    /// <summary>
    /// What the officer directory knows of <see cref="Assignee"/>, looked up by the caller of <see cref="Parse"/>
    /// (the decider does no I/O); null when no officer of that subject is known.
    /// </summary>
    public Officer? AssigneeOfficer { get; init; }

    /// <summary>The typed command, or why the input does not make one: an unknown action (404) or a missing field (400).</summary>
    /// <remarks>
    /// Only presence is checked here; ranges and lengths depend on nothing but the value too, yet stay with the decider
    /// so the order of refusals (404, 409, 422, 403, then 400) stays the one docs/architecture.md states. For the same reason a
    /// missing field is reported after the access checks by <see cref="DossierDecider.Decide(DossierState, ActionInput, DateTimeOffset, IDeadlines)"/>
    /// and the action endpoint.
    /// </remarks>
    public (DossierCommand? Command, DossierError? Error) Parse()
    {
        // The reason is kept as given but trimmed: the event records exactly what the officer wrote.
        var reason = Reason?.Trim();
        if (DossierActions.NeedReason.Contains(Action) && string.IsNullOrEmpty(reason))
        {
            return Missing("reason", "Cần nêu lý do / A reason is required for this action.");
        }

        var (c, v) = (Caller, ExpectedVersion);
        return Action switch
        {
            DossierActions.Receive => Ok(new DossierCommand.Receive(c, v, reason)),
            DossierActions.Refuse => Ok(new DossierCommand.Refuse(c, v, reason!)),
            DossierActions.RequestSupplement => Ok(new DossierCommand.RequestSupplement(c, v, reason!)),
            DossierActions.Supplement => Ok(new DossierCommand.Supplement(c, v, DocumentIds, reason)),
            DossierActions.CompleteStep => Ok(new DossierCommand.CompleteStep(c, v, reason)),
            DossierActions.ReturnStep => Ok(new DossierCommand.ReturnStep(c, v, reason!, ToStepId)),
            DossierActions.Approve => Ok(new DossierCommand.Approve(c, v, reason)),
            DossierActions.Reject => Ok(new DossierCommand.Reject(c, v, reason!)),
            DossierActions.Extend => WorkingDays is { } days ? Ok(new DossierCommand.Extend(c, v, reason!, days)) : Missing("workingDays", DossierDecider.WorkingDaysMessage),
            DossierActions.IssueApology => Ok(new DossierCommand.IssueApology(c, v, reason, WorkingDays)),
            DossierActions.IssueResult => Ok(new DossierCommand.IssueResult(c, v, DocumentIds, reason)),
            DossierActions.Deliver => Ok(new DossierCommand.Deliver(c, v, reason)),
            DossierActions.Withdraw => Ok(new DossierCommand.Withdraw(c, v, reason!)),
            DossierActions.Stop => Ok(new DossierCommand.Stop(c, v, reason!)),
            DossierActions.Rate => Rating is { } rating ? Ok(new DossierCommand.Rate(c, v, rating, reason, Answers, Survey ?? SatisfactionSurvey.Default.Key)) : Missing("rating", DossierDecider.RatingMessage),
            DossierActions.Assign => string.IsNullOrWhiteSpace(Assignee) ? Missing("assignee", DossierDecider.AssigneeMessage)
                : Ok(new DossierCommand.Assign(c, v, Assignee.Trim(), AssigneeOfficer, reason)),
            DossierActions.Claim => Ok(new DossierCommand.Claim(c, v, reason)),
            DossierActions.Release => Ok(new DossierCommand.Release(c, v, reason)),
            _ => (null, UnknownAction(Action)),
        };
    }

    public static DossierError UnknownAction(string action) => new(ErrorKind.NotFound, "unknown-action",
        $"Không có thao tác '{action}' / Unknown action '{action}'. Known: {string.Join(", ", DossierActions.All)}.");

    private static (DossierCommand?, DossierError?) Ok(DossierCommand command) => (command, null);

    private static (DossierCommand?, DossierError?) Missing(string field, string message) =>
        (null, new DossierError(ErrorKind.Invalid, "invalid-input", message, field));
}
