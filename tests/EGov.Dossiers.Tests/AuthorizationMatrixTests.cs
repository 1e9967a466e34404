using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;
using S = EGov.Dossiers.Tests.Support.Scenarios;
using U = EGov.Dossiers.Tests.Support.Plans;

namespace EGov.Dossiers.Tests;

/// <summary>
/// Every action × every caller × every status, with the outcome written out by hand: the caller may not know the
/// dossier (404), the status does not allow the action (422), the action is somebody else's (403), or it is done.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    public const string Allow = "allow";
    public const string NotFound = "404";
    public const string Forbidden = "403";
    public const string NotAllowed = "422";
    public const string NoDraft = "409";

    private static readonly string DeskStp = P.Officer(Roles.DeskOfficer, U.Justice);
    private static readonly string SpecialistStp = P.Officer(Roles.Specialist, U.Justice);
    private static readonly string LeaderStp = P.Officer(Roles.Leader, U.Justice);
    private static readonly string SpecialistSxd = P.Officer(Roles.Specialist, U.Construction);
    private static readonly string LeaderSxd = P.Officer(Roles.Leader, U.Construction);

    private static readonly string[] Applicant = [P.Applicant];
    private static readonly string[] ApplicantOrDesk = [P.Applicant, DeskStp];

    /// <summary>Who may read: the applicant, admin, and every officer of a unit that has held the dossier.</summary>
    private static readonly Dictionary<string, string[]> ReaderUnits = new(StringComparer.Ordinal)
    {
        [S.Submitted] = [U.Justice],
        [S.IntakeSupplement] = [U.Justice],
        [S.Received] = [U.Justice],
        [S.AtAppraise] = [U.Justice, U.Construction],
        [S.AtSign] = [U.Justice, U.Construction],
        [S.ProcessingSupplement] = [U.Justice, U.Construction],
        [S.AwaitingFee] = [U.Justice, U.Construction],
        [S.Approved] = [U.Justice, U.Construction],
        [S.ResultReady] = [U.Justice, U.Construction],
        [S.Delivered] = [U.Justice, U.Construction],
        [S.Rated] = [U.Justice, U.Construction],
        [S.Refused] = [U.Justice],
        [S.Rejected] = [U.Justice, U.Construction],
        [S.Withdrawn] = [U.Justice, U.Construction],
        [S.Stopped] = [U.Justice],
        [S.AtRisk] = [U.Justice, U.Construction],
        [S.RiskCleared] = [U.Justice, U.Construction],
        [S.ApologyIssued] = [U.Justice, U.Construction],
        [S.Escalated] = [U.Justice, U.Construction],
    };

    // The second step's actions; the issue-19 scenarios are that dossier flagged, cleared, given a new appointment or escalated.
    private static Dictionary<string, string[]> AtAppraiseActions() => new()
    {
        [A.RequestSupplement] = [SpecialistSxd, LeaderSxd], [A.CompleteStep] = [SpecialistSxd, LeaderSxd],
        [A.ReturnStep] = [SpecialistSxd, LeaderSxd], [A.Extend] = [LeaderStp, LeaderSxd], [A.IssueApology] = [LeaderStp, LeaderSxd],
        [A.Withdraw] = ApplicantOrDesk, [A.Stop] = [LeaderStp], [A.Assign] = [LeaderSxd], [A.Claim] = [SpecialistSxd, LeaderSxd],
    };

    /// <summary>The actions each status allows (the keys) and the callers who may take them (the values).</summary>
    private static readonly Dictionary<string, Dictionary<string, string[]>> Allowed = new(StringComparer.Ordinal)
    {
        [S.Submitted] = new()
        {
            [A.Receive] = [DeskStp], [A.Refuse] = [DeskStp], [A.RequestSupplement] = [DeskStp], [A.Withdraw] = ApplicantOrDesk,
        },
        [S.IntakeSupplement] = new()
        {
            [A.Supplement] = ApplicantOrDesk, [A.Refuse] = [DeskStp], [A.Withdraw] = ApplicantOrDesk,
        },
        [S.Received] = new()
        {
            [A.RequestSupplement] = [SpecialistStp, LeaderStp], [A.CompleteStep] = [SpecialistStp, LeaderStp], [A.Extend] = [LeaderStp], [A.IssueApology] = [LeaderStp],
            [A.Withdraw] = ApplicantOrDesk, [A.Stop] = [LeaderStp],
            [A.Assign] = [LeaderStp], [A.Claim] = [SpecialistStp, LeaderStp],
        },
        [S.AtAppraise] = AtAppraiseActions(),
        [S.AtSign] = new()
        {
            [A.RequestSupplement] = [SpecialistSxd, LeaderSxd], [A.ReturnStep] = [SpecialistSxd, LeaderSxd], [A.Approve] = [LeaderSxd],
            [A.Reject] = [LeaderSxd], [A.Extend] = [LeaderStp, LeaderSxd], [A.IssueApology] = [LeaderStp, LeaderSxd], [A.Withdraw] = ApplicantOrDesk, [A.Stop] = [LeaderStp],
            [A.Assign] = [LeaderSxd], [A.Claim] = [LeaderSxd],
        },
        [S.ProcessingSupplement] = new()
        {
            [A.Supplement] = ApplicantOrDesk, [A.Withdraw] = ApplicantOrDesk, [A.Stop] = [LeaderStp],
        },
        [S.AwaitingFee] = new() { [A.IssueResult] = [DeskStp, SpecialistStp], [A.Withdraw] = ApplicantOrDesk },
        [S.Approved] = new() { [A.IssueResult] = [DeskStp, SpecialistStp], [A.Withdraw] = ApplicantOrDesk },
        [S.ResultReady] = new() { [A.Deliver] = [DeskStp] },
        [S.Delivered] = new() { [A.Rate] = Applicant },
        [S.Rated] = [],
        [S.Refused] = [],
        [S.Rejected] = [],
        [S.Withdrawn] = [],
        [S.Stopped] = [],
        [S.AtRisk] = AtAppraiseActions(),
        [S.RiskCleared] = AtAppraiseActions(),
        [S.ApologyIssued] = AtAppraiseActions(),
        [S.Escalated] = AtAppraiseActions(),
    };

    private static readonly Dictionary<string, Story> Built = S.All.ToDictionary(n => n, S.Build, StringComparer.Ordinal);

    private static string ExpectedOutcome(string scenario, string action, string callerKey)
    {
        var caller = P.Get(callerKey);
        var reads = callerKey is P.Applicant or P.Admin || (caller.Unit is { } unit && ReaderUnits[scenario].Contains(unit));
        return !reads ? NotFound
            : !Allowed[scenario].TryGetValue(action, out var who) ? NotAllowed
            : !who.Contains(callerKey) ? Forbidden
            : action == A.IssueApology && Built[scenario].State.ApologyDraft is null ? NoDraft
            : Allow;
    }

    public static TheoryData<string, string, string, string> Matrix
    {
        get
        {
            var data = new TheoryData<string, string, string, string>();
            foreach (var scenario in S.All)
            {
                foreach (var action in A.All)
                {
                    foreach (var caller in P.Keys)
                    {
                        data.Add(scenario, action, caller, ExpectedOutcome(scenario, action, caller));
                    }
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Given_a_dossier_when_a_caller_takes_an_action_then_the_outcome_is_exactly_the_rule(string scenario, string action, string callerKey, string expected)
    {
        var story = Built[scenario];
        var caller = P.Get(callerKey);
        var snapshot = Fold.Snapshot(story.State);

        var (events, error) = story.Try(Commands.Valid(action, caller, toStepId: null, state: story.State));

        var actual = error is null ? Allow : error.Kind switch
        {
            ErrorKind.NotFound => NotFound,
            ErrorKind.Forbidden => Forbidden,
            ErrorKind.NotAllowed => NotAllowed,
            ErrorKind.Conflict when error.Code == "no-apology-draft" => NoDraft,
            _ => $"{error.Kind} ({error.Code}: {error.Message})",
        };
        Assert.Equal(expected, actual);
        Assert.Equal(error is null, events is { Count: > 0 });
        Assert.Equal(snapshot, Fold.Snapshot(story.State));
        Assert.Equal(expected switch
        {
            NotFound => "not-found",
            Forbidden => "not-your-action",
            NotAllowed => DossierError.NotAllowedInState,
            NoDraft => "no-apology-draft",
            _ => null,
        }, error?.Code);
        Assert.Equal(expected == NotAllowed ? story.State.Status.ToString() : null, error?.State);
        Assert.Equal(expected == Allow, DossierRules.Available(story.State, caller).Contains(action));

        // The oracle the property tests rely on agrees with this hand-written table.
        var oracle = Rulebook.Expected(story.State, Rulebook.InvolvedUnits(story.State, story.Events), action, caller);
        Assert.Equal(expected, oracle switch
        {
            null => Allow,
            ErrorKind.NotFound => NotFound,
            ErrorKind.Forbidden => Forbidden,
            ErrorKind.Conflict => NoDraft,
            _ => NotAllowed,
        });
    }

    public static TheoryData<string, string> ScenarioCallers =>
        [.. S.All.SelectMany(s => P.Keys.Select(c => (s, c)))];

    [Theory]
    [MemberData(nameof(ScenarioCallers))]
    public void Given_a_dossier_and_a_caller_then_available_lists_exactly_the_allowed_actions_in_canonical_order(string scenario, string callerKey)
    {
        var expected = A.All.Where(a => ExpectedOutcome(scenario, a, callerKey) == Allow);

        Assert.Equal(expected, DossierRules.Available(Built[scenario].State, P.Get(callerKey)));
    }

    [Theory]
    [MemberData(nameof(ScenarioCallers))]
    public void Given_a_dossier_and_a_caller_then_can_read_hides_it_from_everyone_else(string scenario, string callerKey)
    {
        var expected = ExpectedOutcome(scenario, A.Receive, callerKey) != NotFound;

        Assert.Equal(expected, DossierRules.CanRead(Built[scenario].State, P.Get(callerKey)));
    }

    [Fact]
    public void Given_a_caller_who_cannot_read_when_the_version_is_stale_then_the_dossier_stays_hidden()
    {
        var story = Built[S.Received];

        var (_, error) = story.Try(Commands.Valid(A.CompleteStep, P.Specialist(U.Construction), expectedVersion: 99));

        Assert.Equal(ErrorKind.NotFound, error!.Kind);
    }

    [Fact]
    public void Given_a_reader_when_the_version_is_stale_then_conflict_comes_before_the_status_and_caller_checks()
    {
        var story = Built[S.Rated];

        var (events, error) = story.Try(Commands.Valid(A.Receive, P.Citizen, expectedVersion: story.State.Version - 1));

        Assert.Null(events);
        Assert.Equal(ErrorKind.Conflict, error!.Kind);
        Assert.Equal("stale-version", error.Code);
    }

    [Fact]
    public void Given_an_unknown_action_then_it_is_not_found()
    {
        var (events, error) = Built[S.Received].Try(Commands.Valid("approve-everything", P.Leader(U.Justice)));

        Assert.Null(events);
        Assert.Equal((ErrorKind.NotFound, "unknown-action"), (error!.Kind, error.Code));
    }

    [Fact]
    public void Given_a_caller_who_may_not_act_when_the_reason_is_missing_then_the_answer_is_403_not_400()
    {
        var command = Commands.Valid(A.Stop, P.Desk()) with { Reason = null };

        Assert.Equal(ErrorKind.Forbidden, Built[S.Received].Try(command).Error!.Kind);
    }

    [Theory]
    [InlineData(Channel.Online, P.Applicant, null)]
    [InlineData(Channel.Online, P.OtherCitizen, "not-own-dossier")]
    [InlineData(Channel.Online, "desk-officer@STP", "online-is-for-citizens")]
    [InlineData(Channel.Online, P.Admin, "online-is-for-citizens")]
    [InlineData(Channel.Desk, "desk-officer@STP", null)]
    [InlineData(Channel.Post, "desk-officer@STP", null)]
    [InlineData(Channel.Desk, "desk-officer@SXD", null)] // issue 18: any desk in the province receives (Decree 118/2025/NĐ-CP)
    [InlineData(Channel.Desk, "specialist@STP", "not-desk-of-unit")]
    [InlineData(Channel.Desk, "leader@STP", "not-desk-of-unit")]
    [InlineData(Channel.Post, P.Applicant, "not-desk-of-unit")]
    public void Given_an_intake_when_checked_then_only_the_applicant_online_or_a_desk_may_open_it(Channel channel, string callerKey, string? code)
    {
        var error = DossierDecider.CheckSubmit(Story.SubmitCommand(channel, P.Get(callerKey)), U.Justice);

        Assert.Equal(code, error?.Code);
        Assert.True(error is null || error.Kind == ErrorKind.Forbidden);
    }
}
