using EGov.Dossiers.Events;
using EGov.Dossiers.Model;
using EGov.Kernel;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>One event of a dossier's history.</summary>
public sealed record HistoryEntryDto(long Version, string Type, DateTimeOffset At, string Actor, string Role, string? Unit, string? Reason, object Data);

/// <summary>Every event of a dossier, oldest first: who did what, when and why.</summary>
public static class DossierHistoryEndpoint
{
    /// <summary>Get the dossier's history (lịch sử xử lý): every event in order.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/dossiers/{id}/history", OperationId = "getDossierHistory")]
    [Tags("Dossiers")]
    [ProducesResponseType<IReadOnlyList<HistoryEntryDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, Lifecycle.IDeadlines deadlines)
    {
        var caller = CallerFactory.From(http.User);
        if (await ReadableDossier.LoadAsync(session, id, caller, http.RequestAborted) is null)
        {
            return Problems.NotFound();
        }

        var events = await session.Events.FetchStreamAsync(id, token: http.RequestAborted);
        var entries = events
            .Where(e => e.Data is IDossierEvent)
            .Select(e =>
            {
                var meta = ((IDossierEvent)e.Data).Meta;
                return new HistoryEntryDto(e.Version, e.Data.GetType().Name, deadlines.InZone(meta.At), meta.Actor, meta.Role, meta.Unit, meta.Reason, e.Data);
            })
            .ToArray();
        return TypedResults.Ok(entries);
    }
}
