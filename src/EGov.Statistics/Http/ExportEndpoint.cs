using EGov.Calendar;
using EGov.Kernel;
using EGov.Statistics.Export;
using EGov.Statistics.Query;
using EGov.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Statistics.Http;

/// <summary>Report II.06a as a file to send on: CSV or Excel, in the form's layout.</summary>
public static class ExportEndpoint
{
    /// <summary>Export report II.06a (báo cáo thống kê) as CSV or Excel, in the form's layout.</summary>
    [Authorize(Policy = Policies.Leader)]
    [WolverineGet("/api/v1/statistics/export", OperationId = "exportStatistics")]
    [Tags("Statistics")]
    [ProducesResponseType(typeof(byte[]), StatusCodes.Status200OK, "text/csv", XlsxReport.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static async Task<IResult> Get(
        HttpContext http, StatisticsReader reader, BusinessTimeZone zone, PlatformClock clock, string? unit, string? from, string? to, string? format)
    {
        var kind = format ?? "xlsx";
        if (kind is not ("csv" or "xlsx"))
        {
            return ProblemResults.Invalid("format", "format là csv hoặc xlsx / format is csv or xlsx.");
        }

        if (!StatisticsScope.TryResolve(http.User, unit, from, to, zone, clock, out var scope, out var problem))
        {
            return problem;
        }

        var report = await reader.ReadAsync(scope.Units, scope.Period, http.RequestAborted);
        var name = $"II.06a_{(scope.Units is [var one] ? one : "all")}_{report.Period.From:yyyyMMdd}-{report.Period.To:yyyyMMdd}";
        return kind == "csv"
            ? TypedResults.File(CsvReport.Write(report), "text/csv; charset=utf-8", name + ".csv")
            : TypedResults.File(XlsxReport.Write(report), XlsxReport.ContentType, name + ".xlsx");
    }
}
