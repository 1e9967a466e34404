using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Statistics.Projection;
using EGov.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Statistics.Http;

/// <summary>Rebuild the statistics from the event store, and watch it go, from any node (the record is in the database).</summary>
public static class RebuildEndpoints
{
    /// <summary>Start rebuilding the statistics (xây dựng lại thống kê) from the event store.</summary>
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/v1/statistics/rebuild", OperationId = "rebuildStatistics")]
    [Tags("Statistics")]
    [ProducesResponseType<RebuildProgress>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Post(StatisticsRebuild rebuild, HttpContext http)
    {
        // A node started with Statistics:Daemon=Disabled cannot pause the projection that another node runs, and a
        // rebuild beside a running projection would race its writes: say where to go instead (docs/operations.md).
        if (!rebuild.RunsHere)
        {
            return ProblemResults.Problem(StatusCodes.Status409Conflict, ProblemTypes.RebuildElsewhere, "Dựng lại ở nút khác / Rebuild on another node", "rebuild-elsewhere",
                "Nút này không chạy phép chiếu thống kê (Statistics:Daemon=Disabled); hãy gọi dựng lại trên nút chạy nó / This node does " +
                "not run the statistics projection (Statistics:Daemon=Disabled); start the rebuild on the node that runs it.");
        }

        // Once in the cluster: the request is stored, and the node that leads the projection runs it.
        if (!await rebuild.TryRequestAsync(CallerFactory.From(http.User).Subject, http.RequestAborted))
        {
            return ProblemResults.Problem(StatusCodes.Status409Conflict, ProblemTypes.RebuildRunning, "Đang dựng lại / A rebuild is already running", "rebuild-running",
                "Số liệu đang được dựng lại; xem tiến độ tại GET /api/v1/statistics/rebuild / A rebuild is running; follow it at GET /api/v1/statistics/rebuild.");
        }

        return TypedResults.Accepted("/api/v1/statistics/rebuild", await rebuild.ProgressAsync(http.RequestAborted));
    }

    /// <summary>Get the progress of the statistics rebuild.</summary>
    [Authorize(Policy = Policies.Admin)]
    [WolverineGet("/api/v1/statistics/rebuild", OperationId = "getStatisticsRebuild")]
    [Tags("Statistics")]
    [ProducesResponseType<RebuildProgress>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(StatisticsRebuild rebuild, HttpContext http) =>
        TypedResults.Ok(await rebuild.ProgressAsync(http.RequestAborted));
}
