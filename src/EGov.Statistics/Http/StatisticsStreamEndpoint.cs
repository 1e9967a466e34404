using System.Text.Json;
using EGov.Calendar;
using EGov.Kernel;
using EGov.Statistics.Query;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace EGov.Statistics.Http;

/// <summary>
/// The dashboard's live feed (server-sent events): the report at once, then again whenever the projection has
/// counted new events. Each open stream checks every 250 ms how far it has counted, a single-row read shared through
/// <see cref="ProjectionWatermark"/>, and a full report only when something changed.
/// </summary>
public static class StatisticsStreamEndpoint
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan KeepAliveEvery = TimeSpan.FromSeconds(15);

    /// <summary>Stream statistics updates (server-sent events) as dossiers change.</summary>
    [Authorize(Policy = Policies.Leader)]
    [WolverineGet("/api/v1/statistics/stream", OperationId = "streamStatistics")]
    [Tags("Statistics")]
    [ProducesResponseType(typeof(string), StatusCodes.Status200OK, "text/event-stream")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static async Task Get(
        HttpContext http, StatisticsReader reader, ProjectionWatermark watermark, BusinessTimeZone zone, PlatformClock clock,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, string? unit, string? from, string? to)
    {
        if (!StatisticsScope.TryResolve(http.User, unit, from, to, zone, clock, out var scope, out var problem))
        {
            await problem.ExecuteAsync(http);
            return;
        }

        var cancellation = http.RequestAborted;
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        long sent = -1;
        var lastWrite = DateTime.UtcNow;
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                var through = await watermark.CurrentAsync(cancellation);
                if (through != sent)
                {
                    var report = await reader.ReadAsync(scope.Units, scope.Period, cancellation);
                    sent = report.ProjectedThroughSequence;
                    var data = JsonSerializer.Serialize(report, json.Value.SerializerOptions);
                    await http.Response.WriteAsync($"event: statistics\nid: {sent}\ndata: {data}\n\n", cancellation);
                    await http.Response.Body.FlushAsync(cancellation);
                    lastWrite = DateTime.UtcNow;
                }
                else if (DateTime.UtcNow - lastWrite > KeepAliveEvery)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", cancellation);
                    await http.Response.Body.FlushAsync(cancellation);
                    lastWrite = DateTime.UtcNow;
                }

                await Task.Delay(CheckEvery, cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The dashboard closed the page: nothing to answer.
        }
    }
}
