using System.Globalization;
using EGov.Catalog;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Lookup;
using EGov.Dossiers.Model;
using EGov.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>The public view of a dossier: status and dates, never personal data.</summary>
public sealed record PublicDossierDto(
    string Code,
    string ProcedureName,
    string UnitName,
    DossierStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    IReadOnlyList<TimelineEntry> Timeline);

/// <summary>
/// Anyone holding the code (printed on the receipt) can follow the dossier without phoning anyone. Codes are
/// sequential, so the answer is the public view only and each client is rate limited: a budget for all lookups
/// (429 past it, the host's rate limiter) and a tighter one for lookups that find nothing
/// (<see cref="LookupMissBudget"/>). A hit is served from memory (<see cref="PublicLookupCache"/>), kept fresh by
/// every node's change feed; the clock-dependent parts (overdue, the business time zone) are applied here.
/// </summary>
public static class PublicLookupEndpoint
{
    /// <summary>Look a dossier up by its code (tra cứu hồ sơ): status and dates, no personal data.</summary>
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PublicLookup)]
    [WolverineGet("/api/v1/public/dossiers/{code}", OperationId = "lookupDossier")]
    [Tags("Public")]
    [ProducesResponseType<PublicDossierDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public static async Task<IResult> Get(string code, PublicLookupCache cache, LookupMissBudget misses, ProcedureCatalog catalog, PlatformClock clock, HttpContext http, IDeadlines deadlines)
    {
        if (misses.Exhausted(http) is { } wait)
        {
            return TooManyMisses(http, wait);
        }

        var s = DossierCode.IsWellFormed(code) ? await cache.GetAsync(code, http.RequestAborted) : null;
        if (s is null)
        {
            return misses.Charge(http) is { } refused ? TooManyMisses(http, refused) : Problems.NotFound();
        }

        var unitName = catalog.FindUnit(s.Unit)?.Definition.Name ?? s.Unit;
        return TypedResults.Ok(new PublicDossierDto(s.Code, s.ProcedureName, unitName, s.Status, deadlines.InZone(s.SubmittedAt),
            DossierDto.Z(s.ReceivedAt, deadlines), DossierDto.Z(s.DueAt, deadlines), s.IsOverdue(clock.GetUtcNow()),
            s.Timeline.Select(t => t with { At = deadlines.InZone(t.At) }).ToArray()));
    }

    // The same answer as the host's rate limiter gives past the overall budget, so a client cannot tell them apart.
    private static IResult TooManyMisses(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Type = ProblemTypes.TooManyRequests,
            Title = "Quá nhiều yêu cầu / Too many requests",
            Detail = $"Bạn đã tra cứu quá nhiều lần; hãy thử lại sau {seconds} giây / Too many lookups from this client; retry in {seconds} s.",
            Extensions = { ["code"] = "too-many-requests", ["retryAfterSeconds"] = seconds },
        });
    }
}
