using EGov.Modules.Sdk;
using A = EGov.Dossiers.Lifecycle.DossierActions;
using P = EGov.Dossiers.Tests.Support.People;
using U = EGov.Dossiers.Tests.Support.Plans;

namespace EGov.Dossiers.Tests.Warnings;

/// <summary>
/// What the clock's alarms bring along since issue 19: the apology draft with the dossier's due-soon warning, the
/// escalation chain of an overdue dossier, and a step's warning at a share of its allowance. The inter-agency
/// dossier received on Monday 2 March 2026 09:00 (due Monday 16 March 09:00), at the second step in SXD.
/// </summary>
public sealed class ForesightAlarmTests
{
    private static readonly DateTimeOffset Due = Vn.At(2026, 3, 16, 9);

    private static DeadlineAlarm Alarm(DossierState s, AlarmKind kind, string scope, DateTimeOffset fireAt) =>
        new(s.Id, kind, scope, s.DueAt!.Value, fireAt, Chained: true);

    private static AlarmContext Predicting(DateTimeOffset? finish, ForesightPolicy? policy = null) =>
        new(policy ?? ForesightPolicy.Default, Vn.Deadlines, (_, _) => finish);

    [Fact]
    public void The_dossiers_due_soon_warning_drafts_the_apology_from_the_predicted_finish()
    {
        var state = Scenarios.Build(Scenarios.AtAppraise).State;
        var soon = Vn.Deadlines.DueSoonAt(Due);

        var events = DeadlineAlarms.Decide(state, Alarm(state, AlarmKind.DueSoon, "dossier", soon), soon, Predicting(Vn.At(2026, 3, 18, 14))).Events;

        Assert.IsType<DeadlineNeared>(events[0]);
        var draft = Assert.IsType<ApologyDrafted>(events[1]);
        Assert.Equal((3, Vn.At(2026, 3, 19, 9), ApologyDrafts.DueSoon), (draft.WorkingDays, draft.ProposedDueAt, draft.Basis));
    }

    [Fact]
    public void Without_a_prediction_the_draft_proposes_one_working_day()
    {
        var state = Scenarios.Build(Scenarios.AtAppraise).State;
        var soon = Vn.Deadlines.DueSoonAt(Due);

        var draft = DeadlineAlarms.Decide(state, Alarm(state, AlarmKind.DueSoon, "dossier", soon), soon, Predicting(null)).Events.OfType<ApologyDrafted>().Single();

        Assert.Equal((1, Vn.At(2026, 3, 17, 9)), (draft.WorkingDays, draft.ProposedDueAt));
    }

    [Fact]
    public void No_second_draft_for_the_same_appointment_and_none_for_a_steps_warning()
    {
        var flagged = Scenarios.Build(Scenarios.AtRisk).State;
        var soon = Vn.Deadlines.DueSoonAt(Due);
        Assert.IsType<DeadlineNeared>(Assert.Single(DeadlineAlarms.Decide(flagged, Alarm(flagged, AlarmKind.DueSoon, "dossier", soon), soon, Predicting(null)).Events));

        var state = Scenarios.Build(Scenarios.AtAppraise).State;
        var step = new DeadlineAlarm(state.Id, AlarmKind.DueSoon, "appraise", state.StepDueAt!.Value, Vn.Deadlines.DueSoonAt(state.StepDueAt!.Value), Chained: true);
        Assert.IsType<DeadlineNeared>(Assert.Single(DeadlineAlarms.Decide(state, step, step.FireAt, Predicting(null)).Events));
    }

    [Fact]
    public void Overdue_escalates_to_the_holding_units_leader_in_the_same_commit_and_schedules_level_two()
    {
        var before = Scenarios.Build(Scenarios.AtAppraise).State;
        var events = DeadlineAlarms.Decide(before, Alarm(before, AlarmKind.Overdue, "dossier", Due), Due, Predicting(null)).Events;

        Assert.IsType<DeadlineMissed>(events[0]);
        var level1 = Assert.IsType<DossierEscalated>(events[1]);
        Assert.Equal((1, Roles.Leader, U.Construction, 0, Due), (level1.Level, level1.Role, level1.Unit, level1.OverdueWorkingDays, level1.DueAt));

        var snapshot = Scenarios.Build(Scenarios.AtAppraise).State;
        var after = Fold.Apply(before, events);
        Assert.Equal(1, after.EscalationLevel);
        var next = DeadlineAlarms.Plan(snapshot, after, Due, Vn.Deadlines).Single(a => a.Kind == AlarmKind.Escalation);
        Assert.Equal(("dossier#2", Due, Vn.At(2026, 3, 18, 9)), (next.Scope, next.DueAt, next.FireAt));

        var notices = DeadlineNotifications.For(after, level1, Vn.Deadlines.InZone);
        Assert.Equal([(U.Construction, Roles.Leader, "escalation")], notices.Select(n => (n.Unit, n.Role, n.Kind)));
    }

    [Fact]
    public void Level_two_goes_to_the_competent_units_leaders_and_ends_the_default_chain()
    {
        var story = Scenarios.Build(Scenarios.Escalated);
        var level2 = Assert.IsType<DossierEscalated>(Assert.Single(story.Last));

        Assert.Equal((2, U.Justice, 2), (level2.Level, level2.Unit, level2.OverdueWorkingDays));
        Assert.Equal(2, story.State.EscalationLevel);
        var before = Fold.Apply(null, story.Events.Take(story.Events.Count - 1));
        Assert.Empty(DeadlineAlarms.Plan(before, story.State, story.Now, Vn.Deadlines));
    }

    [Fact]
    public void An_escalation_alarm_does_nothing_twice_too_early_after_a_new_appointment_or_after_the_result()
    {
        var escalated = Scenarios.Build(Scenarios.Escalated);
        var at = Vn.At(2026, 3, 18, 9);
        var level2 = new DeadlineAlarm(Story.DossierId, AlarmKind.Escalation, "dossier#2", Due, at, Chained: true);

        Assert.Empty(DeadlineAlarms.Decide(escalated.State, level2, at, Predicting(null)).Events);

        var overdue = Scenarios.Build(Scenarios.AtAppraise).Record(Due, (s, t) => Scenarios.Fire(s, AlarmKind.Overdue, "dossier", t));
        Assert.True(DeadlineAlarms.Decide(overdue.State, level2, at.AddHours(-1), Predicting(null)).TooEarly);

        var extended = Scenarios.Build(Scenarios.AtAppraise).Record(Due, (s, t) => Scenarios.Fire(s, AlarmKind.Overdue, "dossier", t))
            .Do(A.Extend, P.Leader(U.Justice), Due.AddHours(1));
        Assert.Equal(0, extended.State.EscalationLevel);
        Assert.Empty(DeadlineAlarms.Decide(extended.State, level2, at, Predicting(null)).Events);

        var resolved = Scenarios.Build(Scenarios.ResultReady).State;
        Assert.Empty(DeadlineAlarms.Decide(resolved, level2, at, Predicting(null)).Events);
    }

    [Fact]
    public void A_chain_that_starts_later_than_the_due_instant_schedules_its_first_level()
    {
        var policy = new ForesightPolicy { Escalation = [new(1, EscalationTarget.DepartmentHead), new(3, EscalationTarget.DepartmentHead)] };
        var before = Scenarios.Build(Scenarios.AtAppraise).State;
        var events = DeadlineAlarms.Decide(before, Alarm(before, AlarmKind.Overdue, "dossier", Due), Due, Predicting(null, policy)).Events;
        Assert.IsType<DeadlineMissed>(Assert.Single(events));

        var after = Fold.Apply(Scenarios.Build(Scenarios.AtAppraise).State, events);
        var first = DeadlineAlarms.Plan(before, after, Due, Vn.Deadlines, policy: policy).Single(a => a.Kind == AlarmKind.Escalation);
        Assert.Equal(("dossier#1", Vn.At(2026, 3, 17, 9)), (first.Scope, first.FireAt));

        var level1 = Assert.IsType<DossierEscalated>(Assert.Single(DeadlineAlarms.Decide(after, first, first.FireAt, Predicting(null, policy)).Events));
        Assert.Equal((1, U.Justice, 1), (level1.Level, level1.Unit, level1.OverdueWorkingDays));
    }

    [Fact]
    public void A_steps_first_warning_comes_at_its_share_of_the_allowance_when_that_is_before_the_lead()
    {
        var before = Scenarios.Build(Scenarios.Received).State;
        var story = Scenarios.Build(Scenarios.Received).Do(A.CompleteStep, P.Specialist(U.Justice), Vn.At(2026, 3, 2, 10));
        DeadlineAlarm StepAlarm(double fraction) =>
            DeadlineAlarms.Plan(before, story.State, story.Now, Vn.Deadlines, policy: new ForesightPolicy { StepWarningFraction = fraction }).Single(a => a.Scope == "appraise");

        // "appraise" is 4 working days (32 office hours) from Monday 10:00, due Friday 10:00; the lead is Thursday 10:00.
        Assert.Equal(Vn.At(2026, 3, 5, 10), StepAlarm(1).FireAt);
        Assert.Equal(Vn.At(2026, 3, 5, 10), StepAlarm(0.8).FireAt);

        // Half of it (16 h): Monday 10:00–17:00 is 5.5 h, Tuesday 8 h, then 2.5 h on Wednesday from 07:30.
        Assert.Equal((AlarmKind.DueSoon, Vn.At(2026, 3, 4, 10)), (StepAlarm(0.5).Kind, StepAlarm(0.5).FireAt));
    }
}
