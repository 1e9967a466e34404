namespace EGov.Dossiers.Tests;

/// <summary>Which alarms a change of deadlines schedules, and what a fired alarm means for the dossier as it is then.</summary>
public sealed class DeadlineAlarmTests
{
    private static IReadOnlyList<DeadlineAlarm> Planned(Story story, DossierState? before) =>
        DeadlineAlarms.Plan(before, story.State, story.Now, Vn.Deadlines);

    // The overdue alarm of the dossier's (or the current step's) deadline, as the commit of its due-soon warning schedules it.
    private static DeadlineAlarm OverdueOf(Story story, string scope)
    {
        var due = (scope == "dossier" ? story.State.DueAt : story.State.StepDueAt)!.Value;
        return new DeadlineAlarm(story.State.Id, AlarmKind.Overdue, scope, due, due, Chained: true);
    }

    [Fact]
    public void Receipt_schedules_the_due_soon_alarm_of_the_dossier_and_of_its_first_step_only()
    {
        var story = Story.Submit(channel: Channel.Desk);

        var alarms = Planned(story, null);

        Assert.Equal(
            [(AlarmKind.DueSoon, "dossier", Vn.At(2026, 3, 13, 8)), (AlarmKind.DueSoon, "check", Vn.At(2026, 3, 4, 8))],
            alarms.Select(a => (a.Kind, a.Scope, a.FireAt)));
        Assert.All(alarms, a => Assert.Equal(a.Scope == "dossier" ? story.State.DueAt : story.State.StepDueAt, a.DueAt));
        Assert.All(alarms, a => Assert.True(a.Chained));
    }

    [Fact]
    public void The_commit_of_a_due_soon_warning_schedules_its_deadlines_overdue_alarm_and_the_overdue_warning_nothing()
    {
        var story = Story.Submit(channel: Channel.Desk);
        var soon = Planned(story, null).Single(a => a.Scope == "check");

        var before = Snapshot(story);
        var neared = DeadlineAlarms.Decide(story.State, soon, soon.FireAt).Events;
        Fold.Apply(story.State, neared);
        var next = Assert.Single(DeadlineAlarms.Plan(before, story.State, soon.FireAt, Vn.Deadlines, soon));
        Assert.Equal((AlarmKind.Overdue, "check", Vn.At(2026, 3, 5, 8), true), (next.Kind, next.Scope, next.FireAt, next.Chained));

        var beforeOverdue = Fold.Apply(null, [.. story.Events, .. neared]);
        var missed = DeadlineAlarms.Decide(beforeOverdue, next, next.FireAt).Events;
        Assert.Single(missed);
        var after = Fold.Apply(Fold.Apply(null, [.. story.Events, .. neared]), missed);
        Assert.Empty(DeadlineAlarms.Plan(beforeOverdue, after, next.FireAt, Vn.Deadlines, next));
    }

    [Fact]
    public void An_alarm_stored_by_the_old_planner_schedules_nothing_when_it_raises_its_warning()
    {
        // The old planner wrote the overdue alarm together with the due-soon one: it is pending already.
        var story = Story.Submit(channel: Channel.Desk);
        var legacy = Planned(story, null).Single(a => a.Scope == "check") with { Chained = false };

        var before = Snapshot(story);
        Fold.Apply(story.State, DeadlineAlarms.Decide(story.State, legacy, legacy.FireAt).Events);

        Assert.Empty(DeadlineAlarms.Plan(before, story.State, legacy.FireAt, Vn.Deadlines, legacy));
    }

    [Fact]
    public void A_commit_that_leaves_the_deadlines_as_they_were_schedules_nothing()
    {
        var story = Story.Submit(channel: Channel.Desk);
        var before = Snapshot(story);

        story.Do(DossierActions.RequestSupplement, People.Specialist(Plans.Justice));
        var stopped = Snapshot(story);
        Assert.Empty(Planned(story, before));
        Assert.Empty(DeadlineAlarms.Plan(stopped, stopped, story.Now, Vn.Deadlines));
    }

    [Fact]
    public void An_online_submission_sets_no_alarm_until_the_clock_starts()
    {
        Assert.Empty(Planned(Story.Submit(channel: Channel.Online), null));
    }

    [Fact]
    public void Completing_a_step_schedules_only_the_next_steps_alarms()
    {
        var story = Story.Submit(channel: Channel.Desk);
        var before = Snapshot(story);

        story.Do(DossierActions.CompleteStep, People.Specialist(Plans.Justice));

        Assert.Equal(["appraise"], Planned(story, before).Select(a => a.Scope));
    }

    [Fact]
    public void A_supplement_request_schedules_nothing_and_the_supplement_schedules_the_new_deadlines()
    {
        var story = Story.Submit(channel: Channel.Desk);
        var received = Snapshot(story);
        story.Do(DossierActions.RequestSupplement, People.Specialist(Plans.Justice));
        Assert.Empty(Planned(story, received));

        var stopped = Snapshot(story);
        story.Do(DossierActions.Supplement, People.Citizen, story.Now.AddDays(7));
        Assert.Equal(["dossier", "check"], Planned(story, stopped).Select(a => a.Scope));
    }

    [Fact]
    public void A_deadline_set_with_less_than_the_lead_left_gets_no_due_soon_alarm()
    {
        // Same-day birth registration: the 4-hour step is "soon" from the moment it starts.
        var story = Story.Submit(Plans.SameDay(), Channel.Desk);

        var alarms = Planned(story, null);

        Assert.DoesNotContain(alarms, a => a.Kind == AlarmKind.DueSoon);
        Assert.Equal(2, alarms.Count(a => a.Kind == AlarmKind.Overdue));
    }

    [Fact]
    public void A_step_due_at_the_dossiers_own_instant_gets_no_alarms_of_its_own()
    {
        var story = Story.Submit(channel: Channel.Desk);
        story.State.StepDueAt = story.State.DueAt;

        Assert.All(Planned(story, null), a => Assert.Equal("dossier", a.Scope));
    }

    [Fact]
    public void A_fired_alarm_raises_its_warning_once()
    {
        var story = Story.Submit(channel: Channel.Desk);
        var overdue = OverdueOf(story, "dossier");

        var outcome = DeadlineAlarms.Decide(story.State, overdue, overdue.FireAt);
        var missed = Assert.IsType<DeadlineMissed>(Assert.Single(outcome.Events));
        Assert.Equal("system", missed.Meta.Actor);
        Assert.Equal(Plans.Justice, missed.HoldingUnit);

        Fold.Apply(story.State, outcome.Events);
        Assert.True(story.State.Overdue);
        Assert.Empty(DeadlineAlarms.Decide(story.State, overdue, overdue.FireAt.AddMinutes(5)).Events);
    }

    [Fact]
    public void An_alarm_that_arrives_early_asks_to_be_rescheduled()
    {
        var story = Story.Submit(channel: Channel.Desk);
        var soon = Planned(story, null).First(a => a.Kind == AlarmKind.DueSoon);

        var outcome = DeadlineAlarms.Decide(story.State, soon, soon.FireAt.AddSeconds(-1));

        Assert.True(outcome.TooEarly);
        Assert.Empty(outcome.Events);
    }

    [Theory]
    [InlineData(DossierActions.Extend)]
    [InlineData(DossierActions.RequestSupplement)]
    [InlineData(DossierActions.Stop)]
    [InlineData(DossierActions.Withdraw)]
    public void An_alarm_for_a_deadline_the_dossier_no_longer_has_does_nothing(string action)
    {
        var story = Story.Submit(channel: Channel.Desk);
        var overdue = OverdueOf(story, "dossier");
        var caller = action switch
        {
            DossierActions.RequestSupplement => People.Specialist(Plans.Justice),
            DossierActions.Withdraw => People.Citizen,
            _ => People.Leader(Plans.Justice),
        };

        story.Do(action, caller);

        var outcome = DeadlineAlarms.Decide(story.State, overdue, overdue.FireAt);
        Assert.Empty(outcome.Events);
        Assert.False(outcome.TooEarly);
    }

    [Fact]
    public void A_step_alarm_after_the_step_is_done_does_nothing()
    {
        var story = Story.Submit(channel: Channel.Desk);
        var stepOverdue = OverdueOf(story, "check");
        story.Do(DossierActions.CompleteStep, People.Specialist(Plans.Justice));

        Assert.Empty(DeadlineAlarms.Decide(story.State, stepOverdue, stepOverdue.FireAt).Events);
    }

    [Fact]
    public void A_new_appointment_clears_the_overdue_and_due_soon_flags()
    {
        var story = Story.Submit(channel: Channel.Desk);
        foreach (var alarm in new[] { Planned(story, null).Single(a => a.Scope == "dossier"), OverdueOf(story, "dossier") })
        {
            Fold.Apply(story.State, DeadlineAlarms.Decide(story.State, alarm, alarm.FireAt).Events);
        }

        Assert.True(story.State.Overdue && story.State.DueSoon);

        story.Do(DossierActions.Extend, People.Leader(Plans.Justice));
        Assert.False(story.State.Overdue || story.State.DueSoon);
    }

    // The grain folds a fresh state from the history; a Story mutates its state in place.
    private static DossierState Snapshot(Story story) => Fold.Apply(null, story.Events);
}
