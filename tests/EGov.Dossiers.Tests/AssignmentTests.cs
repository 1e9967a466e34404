using CsCheck;
using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;
using U = EGov.Dossiers.Tests.Support.Plans;

namespace EGov.Dossiers.Tests;

/// <summary>Assigning a step (issue 18): who may assign, claim, re-assign and release, and what an assignment gates.</summary>
public sealed class AssignmentTests
{
    private static Story Received() => Story.Submit(channel: Channel.Desk);

    private static ActionInput Assign(Caller by, Caller to, long version, string? reason = null) =>
        new(A.Assign, version, reason, [], null, null, null, by) { Assignee = to.Subject, AssigneeOfficer = Commands.AsOfficer(to) };

    [Fact]
    public void The_leader_assigns_a_specialist_of_the_unit_and_the_event_names_both_and_the_step()
    {
        var story = Received();
        var specialist = P.Specialist(U.Justice) with { Name = "Trần Thị Bích" };

        story.Do(Assign(P.Leader(U.Justice), specialist, story.State.Version));

        var assigned = Assert.IsType<StepAssigned>(Assert.Single(story.Last));
        Assert.Equal((U.Check.Id, specialist.Subject, "Trần Thị Bích", (string?)null), (assigned.StepId, assigned.Assignee, assigned.AssigneeName, assigned.PreviousAssignee));
        Assert.Equal((P.Leader(U.Justice).Subject, Roles.Leader, U.Justice), (assigned.Meta.Actor, assigned.Meta.Role, assigned.Meta.Unit));
        Assert.Equal(specialist.Subject, story.State.Assignee);
        Assert.Equal(story.Now, story.State.AssignedAt);
    }

    [Fact]
    public void An_officer_of_another_unit_an_unknown_one_or_one_without_the_role_is_refused_400_naming_assignee()
    {
        var story = Received();
        var leader = P.Leader(U.Justice);
        foreach (var (officer, why) in new (Officer?, string)[]
        {
            (Commands.AsOfficer(P.Specialist(U.Construction)), U.Construction),
            (null, "No officer"),
            (Commands.AsOfficer(P.Desk(U.Justice)), "role"),
        })
        {
            var input = new ActionInput(A.Assign, null, null, [], null, null, null, leader) { Assignee = officer?.Subject ?? "ghost", AssigneeOfficer = officer };
            var (events, error) = story.Try(input);
            Assert.Null(events);
            Assert.Equal((ErrorKind.Invalid, "invalid-input", "assignee"), (error!.Kind, error.Code, error.Field));
            Assert.Contains(why, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_the_leader_of_the_steps_unit_assigns_and_a_missing_assignee_is_named_after_that()
    {
        var story = Received();
        var bare = new ActionInput(A.Assign, null, null, [], null, null, null, P.Specialist(U.Justice));
        Assert.Equal(ErrorKind.Forbidden, story.Try(bare).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, story.Try(bare with { Caller = P.Leader(U.Construction) }).Error!.Kind);
        var missing = story.Try(bare with { Caller = P.Leader(U.Justice) }).Error!;
        Assert.Equal((ErrorKind.Invalid, "assignee"), (missing.Kind, missing.Field));
    }

    [Fact]
    public void Re_assigning_a_held_step_needs_a_reason_and_records_who_held_it()
    {
        var story = Received().Do(Commands.Valid(A.Claim, P.Specialist(U.Justice)));
        var leader = P.Leader(U.Justice);

        var (_, error) = story.Try(Assign(leader, leader, story.State.Version));
        Assert.Equal(("invalid-input", "reason"), (error!.Code, error.Field));

        story.Do(Assign(leader, leader, story.State.Version, "Chuyên viên nghỉ phép / The specialist is on leave"));
        var assigned = Assert.IsType<StepAssigned>(Assert.Single(story.Last));
        Assert.Equal(P.Specialist(U.Justice).Subject, assigned.PreviousAssignee);
        Assert.Equal("Chuyên viên nghỉ phép / The specialist is on leave", assigned.Meta.Reason);
    }

    [Fact]
    public void A_claimed_step_cannot_be_claimed_again_and_its_work_is_the_assignees_and_the_leaders_only()
    {
        var other = new Caller("officer-specialist-2@" + U.Justice, [Roles.Specialist], U.Justice, null);
        var story = Received().Do(Commands.Valid(A.Claim, P.Specialist(U.Justice)));

        Assert.Equal(ErrorKind.NotAllowed, story.Try(Commands.Valid(A.Claim, other)).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, story.Try(Commands.Valid(A.CompleteStep, other)).Error!.Kind);
        Assert.DoesNotContain(A.CompleteStep, DossierRules.Available(story.State, other));
        Assert.Contains(A.CompleteStep, DossierRules.Available(story.State, P.Specialist(U.Justice)));
        Assert.Contains(A.CompleteStep, DossierRules.Available(story.State, P.Leader(U.Justice)));

        // The hand-over leaves the next step unassigned: its unit's officers may claim it.
        story.Do(A.CompleteStep, P.Specialist(U.Justice));
        Assert.Null(story.State.Assignee);
        Assert.Contains(A.Claim, DossierRules.Available(story.State, P.Specialist(U.Construction)));
    }

    [Fact]
    public void The_assignee_releases_without_a_reason_the_leader_releasing_someone_elses_step_needs_one()
    {
        var story = Received().Do(Commands.Valid(A.Claim, P.Specialist(U.Justice)));
        var bare = new ActionInput(A.Release, null, null, [], null, null, null, P.Leader(U.Justice));
        Assert.Equal("reason", story.Try(bare).Error!.Field);
        Assert.Null(story.Try(bare with { Caller = P.Specialist(U.Justice) }).Error);

        story.Do(bare with { Caller = P.Specialist(U.Justice) });
        var released = Assert.IsType<StepReleased>(Assert.Single(story.Last));
        Assert.Equal((U.Check.Id, P.Specialist(U.Justice).Subject), (released.StepId, released.Assignee));
        Assert.Null(story.State.Assignee);
        Assert.Equal(ErrorKind.NotAllowed, story.Try(bare).Error!.Kind);
    }

    /// <summary>
    /// After any sequence of assign, claim and release by anyone (each applied only when the decider accepts it),
    /// the step's work (complete-step) is accepted exactly from the assignee and the step unit's leader while it is
    /// held, and from anyone with the step's role while it is free.
    /// </summary>
    [Fact]
    public void After_any_assignment_sequence_only_the_assignee_or_the_leader_can_complete_a_held_step()
    {
        var justice = new[]
        {
            P.Specialist(U.Justice), P.Leader(U.Justice), P.Desk(U.Justice), P.Specialist(U.Construction),
            new Caller("officer-specialist-2@" + U.Justice, [Roles.Specialist], U.Justice, null),
        };
        var moves = Gen.Select(Gen.Int[0, 2], Gen.Int[0, justice.Length - 1], Gen.Int[0, justice.Length - 1], Gen.Bool).Array[0, 12];
        moves.Sample(sequence =>
        {
            var story = Received();
            foreach (var (kind, by, to, reason) in sequence)
            {
                var action = new[] { A.Assign, A.Claim, A.Release }[kind];
                var input = new ActionInput(action, null, reason ? Commands.Reason : null, [], null, null, null, justice[by])
                {
                    Assignee = justice[to].Subject,
                    AssigneeOfficer = Commands.AsOfficer(justice[to]),
                };
                if (story.Try(input).Error is null)
                {
                    story.Do(input);
                }
            }

            foreach (var caller in justice)
            {
                var accepted = story.Try(Commands.Valid(A.CompleteStep, caller)).Error is null;
                var expected = story.State.Assignee is { } holder
                    ? caller.Subject == holder || caller == P.Leader(U.Justice)
                    : caller.Unit == U.Justice && (caller.Has(Roles.Specialist) || caller.Has(Roles.Leader));
                Assert.True(expected == accepted, $"{caller} with assignee {story.State.Assignee}: expected {expected}, accepted {accepted}");
                Assert.Equal(accepted, DossierRules.Available(story.State, caller).Contains(A.CompleteStep));
            }
        }, iter: 2_000);
    }

    [Fact]
    public void A_desk_of_another_unit_receives_for_the_competent_unit_and_keeps_the_desk_work()
    {
        var otherDesk = P.Desk(U.Construction);
        var command = Story.SubmitCommand(Channel.Desk, otherDesk);
        Assert.Null(DossierDecider.CheckSubmit(command, U.Justice));
        Assert.NotNull(DossierDecider.CheckSubmit(command with { Caller = P.Specialist(U.Construction) }, U.Justice));

        var events = DossierDecider.Submit(command, U.InterAgency(), Story.Code, Story.Monday, Vn.Deadlines);
        var submitted = Assert.IsType<DossierSubmitted>(events[0]);
        Assert.Equal((U.Justice, U.Construction), (submitted.Unit, submitted.ReceivingUnit));
        Assert.IsType<DossierReceived>(events[1]);
        var state = Fold.Apply(null, events);
        Assert.Equal(U.Construction, state.DeskUnit);
        Assert.Contains(U.Construction, state.InvolvedUnits);
        Assert.Equal(U.Justice, state.HoldingUnit);

        // Its own desk's intake records no receiving unit.
        var own = DossierDecider.Submit(Story.SubmitCommand(Channel.Desk), U.InterAgency(), Story.Code, Story.Monday, Vn.Deadlines);
        Assert.Null(Assert.IsType<DossierSubmitted>(own[0]).ReceivingUnit);
    }

    [Theory]
    [InlineData("Nguyễn Văn An", "nguyen van an")]
    [InlineData("  ĐỖ   Thị  Hà ", "do thi ha")]
    [InlineData("", "")]
    public void Search_text_drops_case_diacritics_and_extra_spaces(string name, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(name));
}
