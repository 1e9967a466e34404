using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;
using S = EGov.Dossiers.Tests.Support.Scenarios;
using U = EGov.Dossiers.Tests.Support.Plans;

namespace EGov.Dossiers.Tests;

/// <summary>Every legal transition of the lifecycle, from each status, with its events, status, timeline, version and meta.</summary>
public sealed class LifecycleTransitionTests
{
    private static readonly string DeskStp = P.Officer(Roles.DeskOfficer, U.Justice);
    private static readonly string SpecialistStp = P.Officer(Roles.Specialist, U.Justice);
    private static readonly string LeaderStp = P.Officer(Roles.Leader, U.Justice);
    private static readonly string SpecialistSxd = P.Officer(Roles.Specialist, U.Construction);
    private static readonly string LeaderSxd = P.Officer(Roles.Leader, U.Construction);

    /// <summary>From, action, caller, step to return to, the events produced, the status after.</summary>
    public static TheoryData<string, string, string, string?, string, DossierStatus> Transitions => new()
    {
        { S.Submitted, A.Receive, DeskStp, null, nameof(DossierReceived), DossierStatus.Received },
        { S.Submitted, A.Refuse, DeskStp, null, nameof(DossierRefused), DossierStatus.Refused },
        { S.Submitted, A.RequestSupplement, DeskStp, null, nameof(SupplementRequested), DossierStatus.SupplementRequested },
        { S.Submitted, A.Withdraw, P.Applicant, null, nameof(DossierWithdrawn), DossierStatus.Withdrawn },
        { S.Submitted, A.Withdraw, DeskStp, null, nameof(DossierWithdrawn), DossierStatus.Withdrawn },

        { S.IntakeSupplement, A.Supplement, P.Applicant, null, nameof(DossierSupplemented), DossierStatus.Submitted },
        { S.IntakeSupplement, A.Supplement, DeskStp, null, nameof(DossierSupplemented), DossierStatus.Submitted },
        { S.IntakeSupplement, A.Refuse, DeskStp, null, nameof(DossierRefused), DossierStatus.Refused },
        { S.IntakeSupplement, A.Withdraw, P.Applicant, null, nameof(DossierWithdrawn), DossierStatus.Withdrawn },

        { S.Received, A.CompleteStep, SpecialistStp, null, nameof(StepCompleted), DossierStatus.Processing },
        { S.Received, A.CompleteStep, LeaderStp, null, nameof(StepCompleted), DossierStatus.Processing },
        { S.Received, A.RequestSupplement, SpecialistStp, null, nameof(SupplementRequested), DossierStatus.SupplementRequested },
        { S.Received, A.RequestSupplement, LeaderStp, null, nameof(SupplementRequested), DossierStatus.SupplementRequested },
        { S.Received, A.Extend, LeaderStp, null, nameof(DeadlineExtended), DossierStatus.Received },
        { S.Received, A.Withdraw, DeskStp, null, nameof(DossierWithdrawn), DossierStatus.Withdrawn },
        { S.Received, A.Stop, LeaderStp, null, nameof(DossierStopped), DossierStatus.Stopped },

        { S.AtAppraise, A.CompleteStep, SpecialistSxd, null, nameof(StepCompleted), DossierStatus.Processing },
        { S.AtAppraise, A.CompleteStep, LeaderSxd, null, nameof(StepCompleted), DossierStatus.Processing },
        { S.AtAppraise, A.ReturnStep, SpecialistSxd, null, nameof(StepReturned), DossierStatus.Received },
        { S.AtAppraise, A.ReturnStep, LeaderSxd, "check", nameof(StepReturned), DossierStatus.Received },
        { S.AtAppraise, A.RequestSupplement, SpecialistSxd, null, nameof(SupplementRequested), DossierStatus.SupplementRequested },
        { S.AtAppraise, A.Extend, LeaderSxd, null, nameof(DeadlineExtended), DossierStatus.Processing },
        { S.AtAppraise, A.Extend, LeaderStp, null, nameof(DeadlineExtended), DossierStatus.Processing },
        { S.AtAppraise, A.Withdraw, P.Applicant, null, nameof(DossierWithdrawn), DossierStatus.Withdrawn },
        { S.AtAppraise, A.Stop, LeaderStp, null, nameof(DossierStopped), DossierStatus.Stopped },

        { S.AtSign, A.Approve, LeaderSxd, null, nameof(DossierApproved), DossierStatus.AwaitingFee },
        { S.AtSign, A.Reject, LeaderSxd, null, nameof(DossierRejected), DossierStatus.Rejected },
        { S.AtSign, A.ReturnStep, SpecialistSxd, null, nameof(StepReturned), DossierStatus.Processing },
        { S.AtSign, A.ReturnStep, LeaderSxd, "check", nameof(StepReturned), DossierStatus.Received },
        { S.AtSign, A.RequestSupplement, LeaderSxd, null, nameof(SupplementRequested), DossierStatus.SupplementRequested },
        { S.AtSign, A.Extend, LeaderSxd, null, nameof(DeadlineExtended), DossierStatus.Processing },
        { S.AtSign, A.Stop, LeaderStp, null, nameof(DossierStopped), DossierStatus.Stopped },
        { S.AtSign, A.Withdraw, DeskStp, null, nameof(DossierWithdrawn), DossierStatus.Withdrawn },

        { S.ProcessingSupplement, A.Supplement, P.Applicant, null, nameof(DossierSupplemented), DossierStatus.Processing },
        { S.ProcessingSupplement, A.Supplement, DeskStp, null, nameof(DossierSupplemented), DossierStatus.Processing },
        { S.ProcessingSupplement, A.Withdraw, P.Applicant, null, nameof(DossierWithdrawn), DossierStatus.Withdrawn },
        { S.ProcessingSupplement, A.Stop, LeaderStp, null, nameof(DossierStopped), DossierStatus.Stopped },

        { S.AwaitingFee, A.IssueResult, DeskStp, null, nameof(ResultIssued), DossierStatus.ResultReady },
        { S.AwaitingFee, A.IssueResult, SpecialistStp, null, nameof(ResultIssued), DossierStatus.ResultReady },
        { S.AwaitingFee, A.Withdraw, P.Applicant, null, nameof(DossierWithdrawn), DossierStatus.Withdrawn },

        { S.Approved, A.IssueResult, DeskStp, null, nameof(ResultIssued), DossierStatus.ResultReady },
        { S.Approved, A.Withdraw, DeskStp, null, nameof(DossierWithdrawn), DossierStatus.Withdrawn },

        { S.ResultReady, A.Deliver, DeskStp, null, nameof(ResultDelivered), DossierStatus.Delivered },

        { S.Delivered, A.Rate, P.Applicant, null, nameof(DossierRated), DossierStatus.Delivered },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Given_a_dossier_when_a_legal_action_is_taken_then_the_events_status_timeline_version_and_meta_follow(
        string from, string action, string callerKey, string? toStepId, string expectedEvents, DossierStatus expectedStatus)
    {
        var story = S.Build(from);
        var state = story.State;
        var caller = P.Get(callerKey);
        var before = state.Version;
        var statusBefore = state.Status;
        var timelineBefore = state.Timeline.ToList();
        var now = story.Now.AddHours(2);

        var (events, error) = DossierDecider.Decide(state, Commands.Valid(action, caller, before, toStepId), now, Vn.Deadlines);

        Assert.Null(error);
        Assert.Equal(expectedEvents, string.Join('+', events!.Select(e => e.GetType().Name)));
        Assert.All(events!, e =>
        {
            Assert.Equal(caller.Subject, e.Meta.Actor);
            Assert.Equal(Rulebook.RoleOf(caller), e.Meta.Role);
            Assert.Equal(caller.Unit, e.Meta.Unit);
            Assert.Equal(A.NeedReason.Contains(action) ? Commands.Reason : null, e.Meta.Reason);
            Assert.Equal(now, e.Meta.At);
        });

        var after = Fold.Apply(state, events!);

        Assert.Equal(expectedStatus, after.Status);
        Assert.Equal(before + events!.Count, after.Version);
        Assert.Equal(now, after.LastChangedAt);
        Assert.Equal(expectedStatus.IsOpen(), after.IsOpen);
        if (expectedStatus == statusBefore)
        {
            Assert.Equal(timelineBefore, after.Timeline);
        }
        else
        {
            Assert.Equal([.. timelineBefore, new TimelineEntry(expectedStatus, now)], after.Timeline);
        }
    }

    [Fact]
    public void Every_status_has_at_least_one_legal_transition_in_the_table_except_the_final_ones()
    {
        var covered = Transitions.Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);
        var expected = new[] { S.Submitted, S.IntakeSupplement, S.Received, S.AtAppraise, S.AtSign, S.ProcessingSupplement, S.AwaitingFee, S.Approved, S.ResultReady, S.Delivered };

        Assert.Equal(expected.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_an_online_submission_when_submitted_then_one_event_and_the_clock_has_not_started()
    {
        var events = DossierDecider.Submit(Story.SubmitCommand(Channel.Online), U.InterAgency(), Story.Code, Story.Monday, Vn.Deadlines);
        var state = Fold.Apply(null, events);

        var submitted = Assert.IsType<DossierSubmitted>(Assert.Single(events));
        Assert.Equal(new EventMeta("citizen-an", Roles.Citizen, null, null, Story.Monday), submitted.Meta);
        Assert.Equal(Story.DossierId, state.Id);
        Assert.Equal(Story.Code, state.Code);
        Assert.Equal(U.Justice, state.Unit);
        Assert.Equal(DossierStatus.Submitted, state.Status);
        Assert.Null(state.ReceivedAt);
        Assert.Null(state.DueAt);
        Assert.Null(state.StepDueAt);
        Assert.Equal(-1, state.CurrentStepIndex);
        Assert.Equal(1, state.Version);
        Assert.True(state.IsOpen);
        Assert.Equal([new TimelineEntry(DossierStatus.Submitted, Story.Monday)], state.Timeline);
        Assert.Equal([U.Justice], state.InvolvedUnits);
        Assert.Equal("idem-1", state.IdempotencyKey);
        Assert.Equal("citizen-an", state.SubmittedBy);
    }

    [Theory]
    [InlineData(Channel.Desk)]
    [InlineData(Channel.Post)]
    public void Given_a_desk_or_postal_intake_on_Monday_10_00_when_submitted_then_it_is_received_at_once_due_in_10_working_days(Channel channel)
    {
        var at = Vn.At(2026, 3, 2, 10);

        var events = DossierDecider.Submit(Story.SubmitCommand(channel), U.InterAgency(), Story.Code, at, Vn.Deadlines);
        var state = Fold.Apply(null, events);

        Assert.Equal([nameof(DossierSubmitted), nameof(DossierReceived)], events.Select(e => e.GetType().Name));
        var received = Assert.IsType<DossierReceived>(events[1]);
        Assert.Equal(Vn.Calendar.Due(at, WorkDuration.Days(10)), received.DueAt);
        Assert.Equal(Vn.At(2026, 3, 16, 10), received.DueAt);
        Assert.Equal(Vn.At(2026, 3, 5, 10), received.StepDueAt);
        Assert.All(events, e => Assert.Equal(new EventMeta("officer-desk-officer@STP", Roles.DeskOfficer, U.Justice, null, at), e.Meta));
        Assert.Equal(DossierStatus.Received, state.Status);
        Assert.Equal(at, state.ReceivedAt);
        Assert.Equal(received.DueAt, state.DueAt);
        Assert.Equal(0, state.CurrentStepIndex);
        Assert.Equal(2, state.Version);
        Assert.Equal([new TimelineEntry(DossierStatus.Submitted, at), new TimelineEntry(DossierStatus.Received, at)], state.Timeline);
    }

    [Fact]
    public void Given_an_online_dossier_when_the_desk_receives_it_then_the_clock_starts_at_receipt()
    {
        var story = Story.Submit().Do(A.Receive, P.Desk(), Vn.At(2026, 3, 3, 14));

        var received = Assert.IsType<DossierReceived>(Assert.Single(story.Last));
        Assert.Equal(Vn.Calendar.Due(Vn.At(2026, 3, 3, 14), WorkDuration.Days(10)), received.DueAt);
        Assert.Equal(Vn.At(2026, 3, 17, 14), story.State.DueAt);
        Assert.Equal(Vn.At(2026, 3, 6, 14), story.State.StepDueAt);
        Assert.Equal(Vn.At(2026, 3, 3, 14), story.State.ReceivedAt);
    }

    [Fact]
    public void Given_a_dossier_in_processing_when_a_supplement_is_requested_then_the_clock_stops_and_resumes_with_the_remaining_office_time()
    {
        // Received Monday 2 March 10:00: due Monday 16 March 10:00.
        var story = Story.Submit(channel: Channel.Desk, at: Vn.At(2026, 3, 2, 10))
            .Do(A.CompleteStep, P.Specialist(U.Justice), Vn.At(2026, 3, 3, 10));
        var stepDue = story.State.StepDueAt!.Value;
        Assert.Equal(Vn.At(2026, 3, 9, 10), stepDue);

        // Wednesday 4 March 10:00: 8 working days (64 office hours) left on the dossier, 3 on the step.
        story.Do(A.RequestSupplement, P.Specialist(U.Construction), Vn.At(2026, 3, 4, 10));
        var requested = Assert.IsType<SupplementRequested>(Assert.Single(story.Last));
        Assert.True(requested.ClockStopped);
        Assert.Equal(TimeSpan.FromHours(64), requested.RemainingOfficeTime);
        Assert.Equal(TimeSpan.FromHours(24), requested.StepRemainingOfficeTime);
        Assert.Null(story.State.DueAt);
        Assert.Null(story.State.StepDueAt);
        Assert.True(story.State.ClockStopped);
        Assert.Equal(DossierStatus.SupplementRequested, story.State.Status);

        // Supplemented Monday 9 March 14:00: 64 office hours from then is Thursday 19 March 14:00.
        var resumedAt = Vn.At(2026, 3, 9, 14);
        story.Do(A.Supplement, P.Citizen, resumedAt);
        var supplemented = Assert.IsType<DossierSupplemented>(Assert.Single(story.Last));
        Assert.Equal(Vn.Calendar.AddOfficeTime(resumedAt, TimeSpan.FromHours(64)), supplemented.DueAt);
        Assert.Equal(Vn.At(2026, 3, 19, 14), story.State.DueAt);
        Assert.Equal(Vn.At(2026, 3, 12, 14), story.State.StepDueAt);
        Assert.False(story.State.ClockStopped);
        Assert.Null(story.State.RemainingWhenStopped);
        Assert.Equal(DossierStatus.Processing, story.State.Status);
        Assert.Equal(1, story.State.CurrentStepIndex);
        Assert.Equal([Commands.Document], story.State.DocumentIds);
    }

    [Fact]
    public void Given_a_restart_policy_when_the_supplement_arrives_then_the_full_time_starts_again()
    {
        var resumedAt = Vn.At(2026, 3, 9, 14);
        var story = Story.Submit(U.InterAgency(restartOnSupplement: true), Channel.Desk, Vn.At(2026, 3, 2, 10))
            .Do(A.RequestSupplement, P.Specialist(U.Justice), Vn.At(2026, 3, 4, 10))
            .Do(A.Supplement, P.Desk(), resumedAt);

        Assert.Equal(Vn.Calendar.Due(resumedAt, WorkDuration.Days(10)), story.State.DueAt);
        Assert.Equal(Vn.At(2026, 3, 23, 14), story.State.DueAt);
        Assert.Equal(Vn.At(2026, 3, 12, 14), story.State.StepDueAt);
        Assert.Equal(DossierStatus.Received, story.State.Status);
    }

    [Fact]
    public void Given_an_online_dossier_when_the_desk_asks_for_a_supplement_at_intake_then_the_clock_is_not_involved()
    {
        var story = Story.Submit().Do(A.RequestSupplement, P.Desk());

        var requested = Assert.IsType<SupplementRequested>(Assert.Single(story.Last));
        Assert.False(requested.ClockStopped);
        Assert.Null(requested.RemainingOfficeTime);
        Assert.False(story.State.ClockStopped);
        Assert.Null(story.State.DueAt);

        story.Do(A.Supplement, P.Citizen);

        var supplemented = Assert.IsType<DossierSupplemented>(Assert.Single(story.Last));
        Assert.Null(supplemented.DueAt);
        Assert.Equal(DossierStatus.Submitted, story.State.Status);
        Assert.Null(story.State.DueAt);
        Assert.Null(story.State.ReceivedAt);
    }

    [Theory]
    [InlineData(2, 9, 0, 2, 17, 2, 14, 30)] // Monday 09:00: due that day's close; the 4 h step ends at 14:30
    [InlineData(2, 14, 59, 2, 17, 2, 17, 0)] // just before the cut-off: still that day; the step is capped at the dossier's due
    [InlineData(2, 15, 0, 3, 17, 3, 9, 30)] // at the cut-off: the next working day's close
    [InlineData(6, 16, 0, 9, 17, 9, 10, 30)] // Friday after the cut-off: Monday's close
    [InlineData(7, 9, 0, 9, 17, 9, 11, 30)] // Saturday: the next working day's close
    public void Given_a_same_day_procedure_when_received_at_the_desk_then_it_is_due_at_close_or_the_next_working_days_close(
        int day, int hour, int minute, int dueDay, int dueHour, int stepDay, int stepHour, int stepMinute)
    {
        var at = Vn.At(2026, 3, day, hour, minute);

        var story = Story.Submit(U.SameDay(), Channel.Desk, at);

        Assert.Equal(Vn.Calendar.SameDayDue(at), story.State.DueAt);
        Assert.Equal(Vn.At(2026, 3, dueDay, dueHour), story.State.DueAt);
        Assert.Equal(Vn.At(2026, 3, stepDay, stepHour, stepMinute), story.State.StepDueAt);
    }

    [Fact]
    public void Given_a_running_clock_when_a_leader_extends_then_the_working_days_are_added_to_the_old_due()
    {
        var story = Story.Submit(channel: Channel.Desk, at: Vn.At(2026, 3, 2, 10))
            .Do(A.CompleteStep, P.Specialist(U.Justice), Vn.At(2026, 3, 3, 10));
        var oldDue = story.State.DueAt!.Value;
        var stepDue = story.State.StepDueAt;
        var timeline = story.State.Timeline.Count;

        story.Do(A.Extend, P.Leader(U.Construction), Vn.At(2026, 3, 12, 9));

        var extended = Assert.IsType<DeadlineExtended>(Assert.Single(story.Last));
        Assert.Equal(5, extended.WorkingDays);
        Assert.Equal(Vn.Calendar.Due(oldDue, WorkDuration.Days(5)), extended.DueAt);
        Assert.Equal(Vn.At(2026, 3, 23, 10), story.State.DueAt);
        Assert.Equal(stepDue, story.State.StepDueAt);
        Assert.Equal(DossierStatus.Processing, story.State.Status);
        Assert.Equal(timeline, story.State.Timeline.Count);
        Assert.Equal(Commands.Reason, extended.Meta.Reason);
    }

    [Fact]
    public void Given_an_extension_over_the_30_April_holidays_then_the_holidays_are_not_counted()
    {
        var story = Story.Submit(channel: Channel.Desk, at: Vn.At(2026, 4, 13, 10));
        var oldDue = story.State.DueAt!.Value;

        story.Do(A.Extend, P.Leader(U.Justice), Vn.At(2026, 4, 20, 9));

        Assert.Equal(Vn.Calendar.Due(oldDue, WorkDuration.Days(5)), story.State.DueAt);
        Assert.True(story.State.DueAt > oldDue.AddDays(7));
    }

    [Fact]
    public void Given_a_procedure_with_a_fee_when_approved_then_it_awaits_the_fee_and_the_result_records_the_fee_collected()
    {
        var story = S.Build(S.AtSign);
        var due = story.State.DueAt;

        story.Do(A.Approve, P.Leader(U.Construction));

        Assert.True(Assert.IsType<DossierApproved>(Assert.Single(story.Last)).AwaitingFee);
        Assert.Equal(DossierStatus.AwaitingFee, story.State.Status);
        Assert.Equal(-1, story.State.CurrentStepIndex);
        Assert.Null(story.State.StepDueAt);
        Assert.Equal(due, story.State.DueAt);

        story.Do(A.IssueResult, P.Desk());

        var issued = Assert.IsType<ResultIssued>(Assert.Single(story.Last));
        Assert.Equal(U.Fee, issued.FeeCollected);
        Assert.Equal([Commands.Document], issued.ResultDocumentIds);
        Assert.Equal([Commands.Document], story.State.ResultDocumentIds);
        Assert.Equal(story.Now, story.State.ResolvedAt);
        Assert.Equal(DossierStatus.ResultReady, story.State.Status);
        Assert.Equal(due, story.State.DueAt);
    }

    [Fact]
    public void Given_a_procedure_without_fee_when_approved_then_it_is_approved_and_no_fee_is_collected()
    {
        var story = S.Build(S.Approved);

        Assert.False(story.Events.OfType<DossierApproved>().Single().AwaitingFee);
        Assert.Equal(DossierStatus.Approved, story.State.Status);

        story.Do(A.IssueResult, P.Specialist(U.Justice));

        Assert.Equal(0m, Assert.IsType<ResultIssued>(Assert.Single(story.Last)).FeeCollected);
    }

    [Fact]
    public void Given_a_step_when_completed_then_the_next_step_gets_its_own_allowance_and_its_unit_may_read()
    {
        var story = S.Build(S.Received);
        var at = Vn.At(2026, 3, 3, 9);

        story.Do(A.CompleteStep, P.Specialist(U.Justice), at);

        var completed = Assert.IsType<StepCompleted>(Assert.Single(story.Last));
        Assert.Equal(("check", "appraise"), (completed.StepId, completed.NextStepId));
        Assert.Equal(Vn.Calendar.Due(at, WorkDuration.Days(4)), completed.NextStepDueAt);
        Assert.Equal(completed.NextStepDueAt, story.State.StepDueAt);
        Assert.Equal(U.Appraise, story.State.CurrentStep);
        Assert.Equal([U.Justice, U.Construction], story.State.InvolvedUnits);
    }

    [Fact]
    public void Given_the_last_step_when_returned_to_the_first_then_the_first_step_gets_its_allowance_again()
    {
        var story = S.Build(S.AtSign);
        var at = Vn.At(2026, 3, 4, 9);

        story.Do(A.ReturnStep, P.Leader(U.Construction), at, toStepId: "check");

        var returned = Assert.IsType<StepReturned>(Assert.Single(story.Last));
        Assert.Equal(("sign", "check"), (returned.StepId, returned.ToStepId));
        Assert.Equal(Vn.Calendar.Due(at, WorkDuration.Days(3)), story.State.StepDueAt);
        Assert.Equal(0, story.State.CurrentStepIndex);
        Assert.Equal(DossierStatus.Received, story.State.Status);
    }

    [Fact]
    public void Given_a_delivered_dossier_when_the_applicant_rates_it_then_the_rating_is_kept_and_a_second_rating_is_not_allowed()
    {
        var story = S.Build(S.Delivered);
        var due = story.State.DueAt;

        story.Do(A.Rate, P.Citizen);

        Assert.Equal(3, story.State.Rating);
        Assert.Equal(3, Assert.IsType<DossierRated>(Assert.Single(story.Last)).Rating);
        Assert.Equal(due, story.State.DueAt);
        Assert.Equal(ErrorKind.NotAllowed, story.Try(Commands.Valid(A.Rate, P.Citizen)).Error!.Kind);
    }

    [Theory]
    [InlineData(S.Refused)]
    [InlineData(S.Rejected)]
    [InlineData(S.Withdrawn)]
    [InlineData(S.Stopped)]
    public void Given_a_dossier_closed_without_result_then_it_has_no_due_no_step_and_is_resolved(string scenario)
    {
        var story = S.Build(scenario);

        Assert.Null(story.State.DueAt);
        Assert.Null(story.State.StepDueAt);
        Assert.Equal(-1, story.State.CurrentStepIndex);
        Assert.False(story.State.IsOpen);
        Assert.Equal(story.Now, story.State.ResolvedAt);
    }
}
