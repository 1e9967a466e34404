using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;
using U = EGov.Dossiers.Tests.Support.Plans;

namespace EGov.Dossiers.Tests.Warnings;

/// <summary>The <c>issue-apology</c> action: the prepared form 04 in one call, or with other days and a reason.</summary>
public sealed class IssueApologyTests
{
    private static ActionInput Issue(DossierState s, Caller caller, int? days = null, string? reason = null) =>
        new(A.IssueApology, s.Version, reason, [], days, null, null, caller);

    [Fact]
    public void The_draft_is_issued_as_drafted_with_its_basis_as_the_reason()
    {
        var story = Scenarios.Build(Scenarios.AtRisk);
        var draft = story.State.ApologyDraft!;

        story.Do(Issue(story.State, P.Leader(U.Justice)));

        var extended = Assert.IsType<DeadlineExtended>(Assert.Single(story.Last));
        Assert.True(extended.FromDraft);
        Assert.Equal((draft.WorkingDays, draft.ProposedDueAt), (extended.WorkingDays, extended.DueAt));
        Assert.Equal(ApologyDrafts.LetterReason(ApologyDrafts.AtRisk), extended.Meta.Reason);
        Assert.Equal(draft.ProposedDueAt, story.State.DueAt);
    }

    [Fact]
    public void Other_days_need_a_reason()
    {
        var story = Scenarios.Build(Scenarios.AtRisk);

        var (_, error) = story.Try(Issue(story.State, P.Leader(U.Justice), days: 5));
        Assert.Equal((ErrorKind.Invalid, "reason-required", "reason"), (error!.Kind, error.Code, error.Field));

        story.Do(Issue(story.State, P.Leader(U.Justice), days: 5, reason: "Cần xác minh thêm tại địa phương / Needs a site visit"));
        var extended = Assert.IsType<DeadlineExtended>(Assert.Single(story.Last));
        Assert.Equal((5, true, Vn.Deadlines.Due(Vn.At(2026, 3, 16, 9), 5, DurationUnit.WorkingDays)), (extended.WorkingDays, extended.FromDraft, extended.DueAt));
    }

    [Fact]
    public void Without_a_draft_it_is_a_conflict_and_not_offered()
    {
        var story = Scenarios.Build(Scenarios.AtAppraise);

        var (_, error) = story.Try(Issue(story.State, P.Leader(U.Justice)));

        Assert.Equal((ErrorKind.Conflict, "no-apology-draft"), (error!.Kind, error.Code));
        Assert.DoesNotContain(A.IssueApology, DossierRules.Available(story.State, P.Leader(U.Justice)));
        Assert.Contains(A.IssueApology, DossierRules.Available(Scenarios.Build(Scenarios.AtRisk).State, P.Leader(U.Justice)));
    }

    [Fact]
    public void Only_those_who_may_extend_may_issue_it()
    {
        var state = Scenarios.Build(Scenarios.AtRisk).State;

        foreach (var key in P.Keys)
        {
            var caller = P.Get(key);
            Assert.Equal(DossierRules.CallerMay(state, A.Extend, caller), DossierRules.CallerMay(state, A.IssueApology, caller));
        }

        Assert.Equal(ErrorKind.Forbidden, Scenarios.Build(Scenarios.AtRisk).Try(Issue(state, P.Specialist(U.Construction))).Error!.Kind);
        Assert.Equal(ErrorKind.NotAllowed, Scenarios.Build(Scenarios.ProcessingSupplement).Try(Issue(Scenarios.Build(Scenarios.ProcessingSupplement).State, P.Leader(U.Justice))).Error!.Kind);
    }

    [Fact]
    public void Days_outside_the_extension_limit_are_refused_as_for_extend()
    {
        var story = Scenarios.Build(Scenarios.AtRisk);

        var (_, error) = story.Try(Issue(story.State, P.Leader(U.Justice), days: DossierDecider.MaxExtensionWorkingDays + 1, reason: "Quá dài / Too long"));

        Assert.Equal(("invalid-input", "workingDays"), (error!.Code, error.Field));
    }
}
