using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Lifecycle;
using Microsoft.Extensions.Options;

namespace EGov.Dossiers.Foresight;

/// <summary>The model over a stored dossier, on the calendar of the unit holding it (docs/foresight.md).</summary>
public sealed class RiskEstimator(IStepHistory history, CalendarDeadlines deadlines, IOptions<ForesightOptions> options) : IRiskEstimator
{
    private readonly RiskModel _model = new();
    private readonly ForesightModelOptions _options = options.Value.Model;

    public RiskEstimate? Estimate(DossierState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var rules = deadlines.ForUnit(state.HoldingUnit);
        if (RiskInputs.From(state, rules, now) is not { } input)
        {
            return null;
        }

        var forecast = _model.Estimate(input, history, state.ProcedureCode, _options);
        return new RiskEstimate(forecast.Probability, forecast.ExpectedRemaining, rules.AddOfficeTime(now, forecast.ExpectedRemaining),
            forecast.Reasons, forecast.FromHistory);
    }
}
