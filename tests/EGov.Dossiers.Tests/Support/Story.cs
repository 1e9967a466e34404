using System.Text.Json;

namespace EGov.Dossiers.Tests.Support;

/// <summary>Commands with valid inputs for every action: a reason where one is needed, 5 days, rating 3, a document.</summary>
internal static class Commands
{
    public const string Reason = "Thiếu bản sao giấy khai sinh / A copy of the birth certificate is missing";

    public static readonly Guid Document = new("11111111-2222-3333-4444-555555555555");

    /// <param name="state">The dossier, for <c>assign</c>: the leader of its current step's unit is the assignee (always eligible).</param>
    public static ActionInput Valid(string action, Caller caller, long? expectedVersion = null, string? toStepId = null, DossierState? state = null) =>
        new(action,
            expectedVersion,
            DossierActions.NeedReason.Contains(action) || DossierActions.Assignment.Contains(action) ? Reason : null,
            action is DossierActions.Supplement or DossierActions.IssueResult ? [Document] : [],
            action == DossierActions.Extend ? 5 : null,
            action == DossierActions.Rate ? 3 : null,
            toStepId,
            caller)
        {
            Assignee = action == DossierActions.Assign ? LeaderOfStep(state)?.Subject ?? "nobody" : null,
            AssigneeOfficer = action == DossierActions.Assign ? LeaderOfStep(state) : null,
        };

    /// <summary>A caller as the officer directory would list them.</summary>
    public static Officer AsOfficer(Caller c) => new(c.Subject, c.Name ?? c.Subject, c.Unit, c.Roles);

    private static Officer? LeaderOfStep(DossierState? state) =>
        state?.CurrentStep is { } step ? AsOfficer(People.Leader(step.Unit)) : null;
}

/// <summary>The fold the grain uses: each event applied with the next version.</summary>
internal static class Fold
{
    public static DossierState Apply(DossierState? state, IEnumerable<IDossierEvent> events)
    {
        var version = state?.Version ?? 0;
        foreach (var e in events)
        {
            state = DossierEvolution.Apply(state, e, ++version);
        }

        return state ?? throw new InvalidOperationException("No events to fold.");
    }

    /// <summary>The whole state as text: two states are the same when their snapshots are equal.</summary>
    public static string Snapshot(DossierState state) => JsonSerializer.Serialize(state);
}

/// <summary>A dossier's history written by the decider itself: every step is a decision that must succeed.</summary>
internal sealed class Story
{
    private readonly List<IDossierEvent> _events = [];

    private Story(DossierState state, IReadOnlyList<IDossierEvent> events, DateTimeOffset now)
    {
        State = state;
        _events.AddRange(events);
        Now = now;
        Last = events;
    }

    public static readonly Guid DossierId = new("0f8fad5b-d9cb-469f-a165-70867728950e");

    public const string Code = "H21.65-260302-0001";

    /// <summary>Monday 2 March 2026, 08:00 in Ha Noi: an ordinary working week with no holiday in sight.</summary>
    public static readonly DateTimeOffset Monday = Vn.At(2026, 3, 2, 8);

    public DossierState State { get; }

    public IReadOnlyList<IDossierEvent> Events => _events;

    public IReadOnlyList<IDossierEvent> Last { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public static SubmitDossier SubmitCommand(Channel channel, Caller? caller = null) =>
        new(DossierId, "TP-LLTP-01", channel, People.ApplicantData, [Commands.Document], "idem-1",
            caller ?? (channel == Channel.Online ? People.Citizen : People.Desk()));

    public static Story Submit(DossierPlan? plan = null, Channel channel = Channel.Online, DateTimeOffset? at = null)
    {
        var now = at ?? Monday;
        var events = DossierDecider.Submit(SubmitCommand(channel), plan ?? Plans.InterAgency(), Code, now, Vn.Deadlines);
        return new Story(Fold.Apply(null, events), events, now);
    }

    /// <summary>Takes the action one hour later (or at <paramref name="at"/>) with valid inputs; it must succeed.</summary>
    public Story Do(string action, Caller caller, DateTimeOffset? at = null, string? toStepId = null) =>
        Do(Commands.Valid(action, caller, State.Version, toStepId), at);

    public Story Do(ActionInput command, DateTimeOffset? at = null)
    {
        Now = at ?? Now.AddHours(1);
        var (events, error) = DossierDecider.Decide(State, command, Now, Vn.Deadlines);
        Assert.True(error is null, $"{command.Action} by {command.Caller} in {State.Status} was refused: {error}");
        Fold.Apply(State, events!);
        _events.AddRange(events!);
        Last = events!;
        return this;
    }

    /// <summary>
    /// Records what the platform itself decides at <paramref name="at"/> (a deadline warning, the risk flag) from the
    /// state then; it must decide something.
    /// </summary>
    public Story Record(DateTimeOffset at, Func<DossierState, DateTimeOffset, IReadOnlyList<IDossierEvent>> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        Now = at;
        var events = decide(State, at);
        Assert.NotEmpty(events);
        Fold.Apply(State, events);
        _events.AddRange(events);
        Last = events;
        return this;
    }

    public (IReadOnlyList<IDossierEvent>? Events, DossierError? Error) Try(ActionInput command, DateTimeOffset? at = null) =>
        DossierDecider.Decide(State, command, at ?? Now.AddHours(1), Vn.Deadlines);
}
