using EGov.Catalog;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;
using Marten;
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
/// sequential, so the answer is the public view only and each client is rate limited (429 past the limit).
/// </summary>
public static class PublicLookupEndpoint
{
    [AllowAnonymous]
    [EnableRateLimiting(RateLimitPolicies.PublicLookup)]
    [WolverineGet("/api/v1/public/dossiers/{code}", OperationId = "lookupDossier")]
    [Tags("Public")]
    [ProducesResponseType<PublicDossierDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public static async Task<IResult> Get(string code, IQuerySession session, ProcedureCatalog catalog, PlatformClock clock, HttpContext http, IDeadlines deadlines)
    {
        if (!DossierCode.IsWellFormed(code))
        {
            return Problems.NotFound();
        }

        var s = await session.Query<DossierState>().FirstOrDefaultAsync(x => x.Code == code, http.RequestAborted);
        if (s is null)
        {
            return Problems.NotFound();
        }

        var unitName = catalog.FindUnit(s.Unit)?.Definition.Name ?? s.Unit;
        return TypedResults.Ok(new PublicDossierDto(s.Code, s.ProcedureName, unitName, s.Status, deadlines.InZone(s.SubmittedAt),
            DossierDto.Z(s.ReceivedAt, deadlines), DossierDto.Z(s.DueAt, deadlines), s.IsOverdue(clock.GetUtcNow()),
            s.Timeline.Select(t => t with { At = deadlines.InZone(t.At) }).ToArray()));
    }
}
