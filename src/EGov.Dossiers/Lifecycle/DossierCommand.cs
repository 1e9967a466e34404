using EGov.Dossiers.Model;

namespace EGov.Dossiers.Lifecycle;

/// <summary>
/// One lifecycle action on an existing dossier, as the grain receives it: a closed set of records (the constructor
/// is private, so only the nested ones exist), each carrying exactly what its action needs. A required field is a
/// non-nullable parameter, so the compiler, not a runtime check, says what each action needs; the one place that
/// turns a URL action and a loose body into one of these is <see cref="ActionInput.Parse"/>.
/// </summary>
[GenerateSerializer]
[Alias("egov.cmd")]
public abstract record DossierCommand
{
    private DossierCommand(Caller caller, long? expectedVersion)
    {
        Caller = caller;
        ExpectedVersion = expectedVersion;
    }

    [Id(0)]
    public Caller Caller { get; init; }

    /// <summary>The version the caller saw; a different current version refuses the command (409).</summary>
    [Id(1)]
    public long? ExpectedVersion { get; init; }

    /// <summary>The action's name as in URLs and <c>availableActions</c> (<see cref="DossierActions"/>).</summary>
    public abstract string Action { get; }

    /// <summary>Why, as the event records it: required for some actions, optional for the others.</summary>
    public abstract string? Why { get; }

    [GenerateSerializer]
    [Alias("egov.cmd.receive")]
    public sealed record Receive(Caller Caller, long? ExpectedVersion, [property: Id(0)] string? Reason = null) : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.Receive;

        public override string? Why => Reason;
    }

    [GenerateSerializer]
    [Alias("egov.cmd.refuse")]
    public sealed record Refuse(Caller Caller, long? ExpectedVersion, [property: Id(0)] string Reason) : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.Refuse;

        public override string? Why => Reason;
    }

    [GenerateSerializer]
    [Alias("egov.cmd.request-supplement")]
    public sealed record RequestSupplement(Caller Caller, long? ExpectedVersion, [property: Id(0)] string Reason) : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.RequestSupplement;

        public override string? Why => Reason;
    }

    [GenerateSerializer]
    [Alias("egov.cmd.supplement")]
    public sealed record Supplement(Caller Caller, long? ExpectedVersion, [property: Id(0)] IReadOnlyList<Guid> DocumentIds, [property: Id(1)] string? Reason = null)
        : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.Supplement;

        public override string? Why => Reason;
    }

    [GenerateSerializer]
    [Alias("egov.cmd.complete-step")]
    public sealed record CompleteStep(Caller Caller, long? ExpectedVersion, [property: Id(0)] string? Reason = null) : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.CompleteStep;

        public override string? Why => Reason;
    }

    /// <param name="ToStepId">The earlier step to return to; none means the one before the current step.</param>
    [GenerateSerializer]
    [Alias("egov.cmd.return-step")]
    public sealed record ReturnStep(Caller Caller, long? ExpectedVersion, [property: Id(0)] string Reason, [property: Id(1)] string? ToStepId = null)
        : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.ReturnStep;

        public override string? Why => Reason;
    }

    [GenerateSerializer]
    [Alias("egov.cmd.approve")]
    public sealed record Approve(Caller Caller, long? ExpectedVersion, [property: Id(0)] string? Reason = null) : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.Approve;

        public override string? Why => Reason;
    }

    [GenerateSerializer]
    [Alias("egov.cmd.reject")]
    public sealed record Reject(Caller Caller, long? ExpectedVersion, [property: Id(0)] string Reason) : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.Reject;

        public override string? Why => Reason;
    }

    /// <param name="WorkingDays">How many working days the due instant moves; the range is the decider's rule.</param>
    [GenerateSerializer]
    [Alias("egov.cmd.extend")]
    public sealed record Extend(Caller Caller, long? ExpectedVersion, [property: Id(0)] string Reason, [property: Id(1)] int WorkingDays)
        : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.Extend;

        public override string? Why => Reason;
    }

    /// <param name="WorkingDays">The draft's days when null; other days need <paramref name="Reason"/>.</param>
    [GenerateSerializer]
    [Alias("egov.cmd.issue-apology")]
    public sealed record IssueApology(Caller Caller, long? ExpectedVersion, [property: Id(0)] string? Reason = null, [property: Id(1)] int? WorkingDays = null)
        : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.IssueApology;

        public override string? Why => Reason;
    }

    [GenerateSerializer]
    [Alias("egov.cmd.issue-result")]
    public sealed record IssueResult(Caller Caller, long? ExpectedVersion, [property: Id(0)] IReadOnlyList<Guid> DocumentIds, [property: Id(1)] string? Reason = null)
        : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.IssueResult;

        public override string? Why => Reason;
    }

    [GenerateSerializer]
    [Alias("egov.cmd.deliver")]
    public sealed record Deliver(Caller Caller, long? ExpectedVersion, [property: Id(0)] string? Reason = null) : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.Deliver;

        public override string? Why => Reason;
    }

    [GenerateSerializer]
    [Alias("egov.cmd.withdraw")]
    public sealed record Withdraw(Caller Caller, long? ExpectedVersion, [property: Id(0)] string Reason) : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.Withdraw;

        public override string? Why => Reason;
    }

    [GenerateSerializer]
    [Alias("egov.cmd.stop")]
    public sealed record Stop(Caller Caller, long? ExpectedVersion, [property: Id(0)] string Reason) : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.Stop;

        public override string? Why => Reason;
    }

    /// <param name="Rating">1 not satisfied, 2 satisfied, 3 very satisfied; the range is the decider's rule.</param>
    /// <param name="Answers">One level per criterion of <paramref name="Survey"/>, or null (the overall rating only).</param>
    /// <param name="Survey">The survey in force where the command was made: the answers are checked against it and its version recorded.</param>
    [GenerateSerializer]
    [Alias("egov.cmd.rate")]
    public sealed record Rate(Caller Caller, long? ExpectedVersion, [property: Id(0)] int Rating, [property: Id(1)] string? Reason = null,
        [property: Id(2)] IReadOnlyDictionary<string, int>? Answers = null, [property: Id(3)] Satisfaction.SurveyKey? Survey = null)
        : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.Rate;

        public override string? Why => Reason;
    }

    /// <param name="Assignee">The officer's subject as the caller wrote it.</param>
    /// <param name="Known">The directory's entry for <paramref name="Assignee"/>; null when unknown (400).</param>
    [GenerateSerializer]
    [Alias("egov.cmd.assign")]
    public sealed record Assign(Caller Caller, long? ExpectedVersion, [property: Id(0)] string Assignee, [property: Id(1)] Officer? Known, [property: Id(2)] string? Reason = null)
        : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.Assign;

        public override string? Why => Reason;
    }

    [GenerateSerializer]
    [Alias("egov.cmd.claim")]
    public sealed record Claim(Caller Caller, long? ExpectedVersion, [property: Id(0)] string? Reason = null) : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.Claim;

        public override string? Why => Reason;
    }

    [GenerateSerializer]
    [Alias("egov.cmd.release")]
    public sealed record Release(Caller Caller, long? ExpectedVersion, [property: Id(0)] string? Reason = null) : DossierCommand(Caller, ExpectedVersion)
    {
        public override string Action => DossierActions.Release;

        public override string? Why => Reason;
    }
}
