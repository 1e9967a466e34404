using CsCheck;
using EGov.Catalog;
using EGov.Modules.Sdk;

namespace EGov.Dossiers.Tests.Foresight;

/// <summary>
/// The at-risk flag clears when the dossier caught up (docs/foresight.md, "The flag"): the inter-agency dossier of
/// <see cref="Scenarios.AtRisk"/>, due Monday 16 March 2026 09:00, flagged with an at-risk apology draft.
/// </summary>
public sealed class RiskClearTests
{
    private static readonly DateTimeOffset Due = Vn.At(2026, 3, 16, 9);
    private static readonly DateTimeOffset Before = Vn.At(2026, 3, 6, 10);

    private static DossierState Flagged() => Scenarios.Build(Scenarios.AtRisk).State;

    private static AlarmOutcome Clear(DossierState s, double probability, DateTimeOffset? now = null, double below = 0.2, DateTimeOffset? dueAt = null) =>
        RiskClears.Decide(s, dueAt ?? s.DueAt!.Value, probability, below, now ?? Before, Vn.Deadlines);

    [Fact]
    public void Clearing_records_who_when_and_why_and_withdraws_the_draft_before_due_soon()
    {
        var state = Flagged();
        Assert.True(state.AtRisk);
        Assert.Equal(ApologyDrafts.AtRisk, state.ApologyDraft?.Basis);

        var cleared = Assert.IsType<DossierRiskCleared>(Assert.Single(Clear(state, 0.12).Events));

        Assert.Equal(("dossier", Due, 0.12, 0.2, "SXD", true), (cleared.Scope, cleared.DueAt, cleared.Probability, cleared.ClearBelow, cleared.HoldingUnit, cleared.DraftWithdrawn));
        Assert.Equal(("system", Before), (cleared.Meta.Actor, cleared.Meta.At));
        Assert.Equal("Hết nguy cơ trễ hạn: xác suất 0,12 dưới ngưỡng 0,20 / No longer at risk: probability 0.12 below 0.20", cleared.Meta.Reason);
        var after = Fold.Apply(state, [cleared]);
        Assert.False(after.AtRisk);
        Assert.Null(after.ApologyDraft);
    }

    [Fact]
    public void From_the_due_soon_instant_the_draft_is_kept()
    {
        var soon = Vn.Deadlines.DueSoonAt(Due);

        var cleared = Assert.IsType<DossierRiskCleared>(Assert.Single(Clear(Flagged(), 0.1, now: soon).Events));

        Assert.False(cleared.DraftWithdrawn);
        Assert.Equal(ApologyDrafts.AtRisk, Fold.Apply(Flagged(), [cleared]).ApologyDraft?.Basis);
    }

    [Fact]
    public void A_flag_clears_only_below_the_clear_threshold() =>
        Gen.Select(Gen.Double[0, 1], Gen.Double[0.01, 1]).Sample((p, below) =>
            Clear(Flagged(), p, below: below).Events.Count == (p < below ? 1 : 0));

    [Fact]
    public void An_overdue_dossier_never_clears() =>
        Gen.Select(Gen.Double[0, 1], Gen.Int[0, 30 * 24 * 60]).Sample((p, minutes) =>
            Clear(Flagged(), p, now: Due.AddMinutes(minutes), below: 1.0).Events.Count == 0);

    [Fact]
    public void Raise_clear_raise_gives_two_episodes_and_a_repeated_clear_does_nothing()
    {
        var state = Flagged();
        var cleared = Fold.Apply(state, Clear(state, 0.05).Events);

        Assert.Equal("not flagged", Clear(cleared, 0.05).Why);
        var again = RiskWarnings.Decide(cleared, Due, 0.6, Vn.At(2026, 3, 17, 13), [Scenarios.StepOverrun], Before.AddHours(2), Vn.Deadlines);
        Assert.IsType<DossierFlaggedAtRisk>(again.Events[0]);
        var second = Fold.Apply(cleared, again.Events);
        Assert.True(second.AtRisk);
        Assert.Equal("already flagged", RiskWarnings.Decide(second, Due, 0.6, Vn.At(2026, 3, 17, 13), [], Before.AddHours(3), Vn.Deadlines).Why);
    }

    [Fact]
    public void A_signal_for_another_appointment_or_a_stopped_clock_clears_nothing()
    {
        Assert.Equal("the appointment changed since the estimate", Clear(Flagged(), 0, dueAt: Due.AddDays(-1)).Why);
        Assert.Equal("not flagged", Clear(Scenarios.Build(Scenarios.AtAppraise).State, 0).Why);
        Assert.Empty(Clear(Scenarios.Build(Scenarios.ResultReady).State, 0).Events);
    }

    [Fact]
    public void The_clear_margin_is_checked_against_the_threshold()
    {
        Assert.Equal(0.2, ForesightPolicy.Default.RiskClearBelow, 10);
        Assert.Null(ForesightPolicyCheck.Problem(new ForesightPolicy { RiskThreshold = 0.5, RiskClearMargin = 0.5 }));
        Assert.NotNull(ForesightPolicyCheck.Problem(new ForesightPolicy { RiskClearMargin = 0 }));
        Assert.NotNull(ForesightPolicyCheck.Problem(new ForesightPolicy { RiskThreshold = 0.3, RiskClearMargin = 0.31 }));
        Assert.NotNull(ForesightPolicyCheck.Problem(new ForesightPolicy { RiskClearMargin = double.NaN }));
    }
}
