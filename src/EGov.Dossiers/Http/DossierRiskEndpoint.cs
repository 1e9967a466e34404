using EGov.Calendar;
using EGov.Catalog;
using EGov.Dossiers.Foresight;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Modules.Sdk;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>
/// <c>GET /api/v1/dossiers/{id}/risk</c>: the risk of ending late, estimated now on this node from the read model and
/// the node's step history (docs/foresight.md). Officers who may read the dossier; for anyone else it does not exist.
/// </summary>
public static class DossierRiskEndpoint
{
    /// <summary>Get the dossier's risk of ending late (nguy cơ trễ hạn), with its reasons.</summary>
    [Authorize(Policy = Policies.Officer)]
    [WolverineGet("/api/v1/dossiers/{id}/risk", OperationId = "getDossierRisk")]
    [Tags("Dossiers")]
    [ProducesResponseType<RiskDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, IRiskEstimator estimator, ProcedureCatalog catalog, PlatformClock clock, IDeadlines deadlines)
    {
        var caller = CallerFactory.From(http.User);
        if (await ReadableDossier.LoadAsync(session, id, caller, http.RequestAborted) is not { } state)
        {
            return Problems.NotFound();
        }

        var now = clock.GetUtcNow();
        var threshold = (catalog.FindProcedure(state.ProcedureCode)?.Foresight ?? ForesightPolicy.Default).RiskThreshold;
        var estimate = estimator.Estimate(state, now);
        var unit = deadlines.ForUnit(state.HoldingUnit ?? state.DeskUnit);
        return TypedResults.Ok(new RiskDto(
            estimate?.Probability,
            state.AtRisk,
            threshold,
            estimate is null ? null : WorkingDays(estimate.ExpectedRemaining, unit, now),
            estimate is null ? null : deadlines.InZone(estimate.PredictedFinishAt),
            DossierDto.Z(state.DueAt, deadlines),
            estimate?.FromHistory ?? false,
            estimate?.Reasons.Select(RiskReasonDto.From).ToList() ?? [],
            deadlines.InZone(now)));
    }

    // Office time in the holding unit's working days: the office time of the next working day from now is the unit.
    private static double WorkingDays(TimeSpan officeTime, IDeadlines unit, DateTimeOffset now)
    {
        var day = unit.OfficeTimeBetween(now, unit.Due(now, 1, DurationUnit.WorkingDays));
        return day > TimeSpan.Zero ? Math.Round(officeTime / day, 1) : 0;
    }
}
