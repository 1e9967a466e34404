using System.Text.Json;
using CsCheck;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Sweeps;
using EGov.Dossiers.Tests.Foresight;
using Microsoft.Extensions.Options;

namespace EGov.Dossiers.Tests.Sweeps;

/// <summary>
/// The sweep reads only <see cref="SweepDocuments.Kept"/> of a stored dossier: for every state the decider makes
/// (every scenario, running dossiers at any progress) and any later instant, the kept fields give the same estimate,
/// row and raise decision as the whole state. A field the estimator starts reading and the list lacks fails here.
/// </summary>
public sealed class SweepDocumentsProperties
{
    // The store's casing (Marten's default System.Text.Json settings name properties in camelCase).
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Slim = SweepDocuments.Slim(Stored);

    private static readonly Gen<DossierState> States = Gen.OneOf(
        Gen.Int[0, Scenarios.All.Count - 1].Select(i => Scenarios.All[i]).Select(s => Scenarios.Build(s).State),
        RiskWorld.Progress.Select(p => RiskWorld.Running(p.Done, p.Hours).State));

    [Fact]
    public void The_kept_fields_give_the_same_estimate_and_row_as_the_whole_state()
    {
        Gen.Select(RiskWorld.Histories, States, Gen.Int[-2 * 1440, 30 * 1440]).Sample((h, state, minutes) =>
        {
            var estimator = new RiskEstimator(h.Build(), new CalendarDeadlines(new CalendarProvider(Vn.Calendar)), Options.Create(new ForesightOptions()));
            var slim = SweepDocuments.Read(JsonSerializer.SerializeToUtf8Bytes(state, Stored), Slim);
            var now = state.LastChangedAt.AddMinutes(minutes);

            var whole = estimator.Estimate(state, now);
            var kept = estimator.Estimate(slim, now);
            Assert.Equal(whole is null, kept is null);
            if (whole is not null)
            {
                Assert.Equal(whole.Probability, kept!.Probability);
                Assert.Equal(whole.ExpectedRemaining, kept.ExpectedRemaining);
                Assert.Equal(whole.PredictedFinishAt, kept.PredictedFinishAt);
                Assert.Equal(whole.FromHistory, kept.FromHistory);
                Assert.Equal(whole.Reasons, kept.Reasons);
            }

            // What the row and the raise read.
            Assert.Equal((state.Id, state.Code, state.Unit, state.HoldingUnit ?? state.DeskUnit, state.ProcedureCode, state.AtRisk, state.DueAt, state.IsOpen),
                (slim.Id, slim.Code, slim.Unit, slim.HoldingUnit ?? slim.DeskUnit, slim.ProcedureCode, slim.AtRisk, slim.DueAt, slim.IsOpen));
            Assert.Equal(state.IsOverdue(now), slim.IsOverdue(now));
        }, iter: 2_000);
    }

    [Fact]
    public void The_fields_left_out_are_not_read()
    {
        var state = Scenarios.Build(Scenarios.AtAppraise).State;
        Assert.NotEmpty(state.Timeline);

        var slim = SweepDocuments.Read(JsonSerializer.SerializeToUtf8Bytes(state, Stored), Slim);

        Assert.Empty(slim.Timeline);
        Assert.Equal(string.Empty, slim.Applicant.FullName);
        Assert.Equal(state.Steps, slim.Steps);
    }
}
