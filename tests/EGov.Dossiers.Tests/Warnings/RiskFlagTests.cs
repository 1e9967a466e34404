namespace EGov.Dossiers.Tests.Warnings;

/// <summary>
/// The "at risk" flag the grain records for the risk sweep, with its apology draft and notices (docs/foresight.md):
/// the inter-agency dossier received on Monday 2 March 2026 09:00 (due Monday 16 March 09:00), now at the second
/// step in SXD.
/// </summary>
public sealed class RiskFlagTests
{
    private static readonly DateTimeOffset Due = Vn.At(2026, 3, 16, 9);

    private static AlarmOutcome Flag(DossierState s, DateTimeOffset? dueAt = null) =>
        RiskWarnings.Decide(s, dueAt ?? s.DueAt!.Value, 0.8, Vn.At(2026, 3, 17, 13), [Scenarios.StepOverrun], Vn.At(2026, 3, 5, 10), Vn.Deadlines);

    [Fact]
    public void The_flag_and_the_draft_are_recorded_together_from_the_predicted_finish()
    {
        var state = Scenarios.Build(Scenarios.AtAppraise).State;
        Assert.Equal(Due, state.DueAt);

        var events = Flag(state).Events;

        var flag = Assert.IsType<DossierFlaggedAtRisk>(events[0]);
        Assert.Equal(("dossier", Due, 0.8, "SXD", "system", RiskWarnings.Reason), (flag.Scope, flag.DueAt, flag.Probability, flag.HoldingUnit, flag.Meta.Actor, flag.Meta.Reason));

        // Tuesday 17 March 13:00 is 1.5 working days after the appointment: rounded up to 2, proposed Wednesday 09:00.
        var draft = Assert.IsType<ApologyDrafted>(events[1]);
        Assert.Equal((2, Vn.At(2026, 3, 18, 9), ApologyDrafts.AtRisk), (draft.WorkingDays, draft.ProposedDueAt, draft.Basis));
        Assert.Equal(2, events.Count);

        var after = Fold.Apply(state, events);
        Assert.True(after.AtRisk);
        Assert.Equal(new ApologyDraft(2, Vn.At(2026, 3, 18, 9), ApologyDrafts.AtRisk, Vn.At(2026, 3, 5, 10)), after.ApologyDraft);
    }

    [Fact]
    public void A_flagged_dossier_is_not_flagged_again_for_the_same_appointment()
    {
        var state = Scenarios.Build(Scenarios.AtRisk).State;

        Assert.Empty(Flag(state).Events);
        Assert.Equal("already flagged", Flag(state).Why);
    }

    [Fact]
    public void A_signal_for_another_appointment_or_a_stopped_clock_records_nothing()
    {
        Assert.Empty(Flag(Scenarios.Build(Scenarios.AtAppraise).State, dueAt: Due.AddDays(-1)).Events);
        Assert.Empty(Flag(Scenarios.Build(Scenarios.ProcessingSupplement).State, dueAt: Due).Events);
        Assert.Empty(Flag(Scenarios.Build(Scenarios.ResultReady).State, dueAt: Due).Events);
    }

    [Fact]
    public void The_new_appointment_of_the_issued_apology_may_be_flagged_anew()
    {
        var state = Scenarios.Build(Scenarios.ApologyIssued).State;

        Assert.False(state.AtRisk);
        Assert.Null(state.ApologyDraft);
        Assert.Equal(1, state.Apologies);
        Assert.Equal(2, Flag(state).Events.Count);
    }

    [Fact]
    public void The_holding_unit_and_the_competent_units_leaders_are_told_once_each()
    {
        var state = Scenarios.Build(Scenarios.AtAppraise).State;
        var events = Flag(state).Events;
        var after = Fold.Apply(state, events);

        var notices = events.SelectMany(e => DeadlineNotifications.For(after, e, Vn.Deadlines.InZone)).ToArray();

        Assert.Equal([("SXD", null), ("STP", Roles.Leader)], notices.Select(n => (n.Unit, n.Role)));
        Assert.All(notices, n => Assert.Equal("at-risk", n.Kind));
        Assert.Contains("nguy cơ trễ hạn", notices[0].Message, StringComparison.Ordinal);
        Assert.Contains(Scenarios.StepOverrun.En, notices[0].MessageEn, StringComparison.Ordinal);
        Assert.Equal(2, notices.Select(n => n.Id).Distinct().Count());
    }

    [Fact]
    public void The_draft_proposes_at_least_one_and_at_most_the_extension_limit_of_working_days()
    {
        Assert.Equal(1, ApologyDrafts.WorkingDaysPast(Due, Due.AddDays(-3), Vn.Deadlines));
        Assert.Equal(1, ApologyDrafts.WorkingDaysPast(Due, Due, Vn.Deadlines));
        Assert.Equal(1, ApologyDrafts.WorkingDaysPast(Due, Vn.Deadlines.AddOfficeTime(Due, TimeSpan.FromHours(8)), Vn.Deadlines));
        Assert.Equal(2, ApologyDrafts.WorkingDaysPast(Due, Vn.Deadlines.AddOfficeTime(Due, TimeSpan.FromHours(8.5)), Vn.Deadlines));
        Assert.Equal(DossierDecider.MaxExtensionWorkingDays, ApologyDrafts.WorkingDaysPast(Due, Due.AddYears(1), Vn.Deadlines));
    }
}
