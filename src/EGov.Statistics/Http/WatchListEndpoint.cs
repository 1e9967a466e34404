using EGov.Calendar;
using EGov.Kernel;
using EGov.Statistics.Model;
using EGov.Statistics.Query;
using EGov.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Statistics.Http;

/// <summary>The overdue, due-soon and at-risk lists of a unit (or of one of its officers), showing who holds each dossier.</summary>
public static class WatchListEndpoint
{
    /// <summary>Get the watch list (hồ sơ cần chú ý): dossiers overdue, due soon or at risk of ending late (highest risk first).</summary>
    [Authorize(Policy = Policies.Leader)]
    [WolverineGet("/api/v1/statistics/watch-list", OperationId = "getWatchList")]
    [Tags("Statistics")]
    [ProducesResponseType<WatchListEntry[]>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static async Task<IResult> Get(
        HttpContext http, WatchListReader reader, BusinessTimeZone zone, PlatformClock clock, string? unit, string? kind, string? officer, int? limit)
    {
        if (!StatisticsScope.TryResolve(http.User, unit, null, null, zone, clock, out var scope, out var problem))
        {
            return problem;
        }

        WatchListKind? list = (kind ?? "overdue") switch
        {
            "overdue" => WatchListKind.Overdue,
            "due-soon" => WatchListKind.DueSoon,
            "at-risk" => WatchListKind.AtRisk,
            _ => null,
        };
        if (list is null)
        {
            return ProblemResults.Invalid("kind", "kind là overdue, due-soon hoặc at-risk / kind is overdue, due-soon or at-risk.");
        }

        var take = limit ?? 100;
        if (take is < 1 or > WatchListReader.MaxLimit)
        {
            return ProblemResults.Invalid("limit", InputRanges.CountMessage("limit", 1, WatchListReader.MaxLimit));
        }

        if (officer is { Length: 0 or > 128 })
        {
            return ProblemResults.Invalid("officer", "officer không hợp lệ / officer is not valid.");
        }

        return TypedResults.Ok(await reader.ReadAsync(scope.Units, list.Value, officer, take, http.RequestAborted));
    }
}
