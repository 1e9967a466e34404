using EGov.Calendar;
using EGov.Documents.Access;
using EGov.Dossiers.Model;
using EGov.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Documents.Http;

/// <summary>Who read a document, when, for which unit and why: the owner's and the administrators' view.</summary>
public static class AccessLogEndpoint
{
    /// <summary>Get a document's access log (nhật ký truy cập): who opened it, when and why.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/documents/{id}/access-log", OperationId = "getDocumentAccessLog")]
    [Tags("Documents")]
    [ProducesResponseType<IReadOnlyList<AccessLogEntryDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, HttpContext http, DocumentVault vault, BusinessTimeZone zone)
    {
        var caller = CallerFactory.From(http.User);
        var facts = await vault.FactsAsync(id, http.RequestAborted);
        if (facts is null)
        {
            // A deleted document's log stays readable by administrators (the owner's own record outlives the papers).
            if (!caller.IsAdmin)
            {
                return DocumentProblems.NotFound();
            }

            var kept = await vault.AccessLogAsync(id, http.RequestAborted);
            return kept.Count == 0 ? DocumentProblems.NotFound() : TypedResults.Ok(kept.Select(e => Dto(e, zone)).ToArray());
        }

        var decision = DocumentAccessRules.AccessLog(facts, caller);
        if (decision.Verdict != Verdict.Allowed)
        {
            return DocumentProblems.Denied(decision);
        }

        var entries = await vault.AccessLogAsync(id, http.RequestAborted);
        return TypedResults.Ok(entries.Select(e => Dto(e, zone)).ToArray());
    }

    private static AccessLogEntryDto Dto(Model.AccessLogEntry e, BusinessTimeZone zone) => new(zone.InZone(e.At), e.Actor, e.Unit, e.Purpose, e.Kind);
}
