using EGov.Calendar;
using EGov.Kernel;
using EGov.Statistics.Model;
using EGov.Statistics.Query;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Statistics.Http;

/// <summary>Report II.06a for a period, per unit, with the per-procedure breakdown and the previous period.</summary>
public static class StatisticsEndpoint
{
    /// <summary>Get report II.06a (thống kê) for a period: per unit, per procedure, and the previous period.</summary>
    [Authorize(Policy = Policies.Leader)]
    [WolverineGet("/api/v1/statistics", OperationId = "getStatistics")]
    [Tags("Statistics")]
    [ProducesResponseType<StatisticsReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static async Task<IResult> Get(
        HttpContext http, StatisticsReader reader, BusinessTimeZone zone, PlatformClock clock, string? unit, string? from, string? to)
    {
        if (!StatisticsScope.TryResolve(http.User, unit, from, to, zone, clock, out var scope, out var problem))
        {
            return problem;
        }

        return TypedResults.Ok(await reader.ReadAsync(scope.Units, scope.Period, http.RequestAborted));
    }
}
