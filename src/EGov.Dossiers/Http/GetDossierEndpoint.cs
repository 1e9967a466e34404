using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>One dossier, from the read model (no grain is activated to read).</summary>
public static class GetDossierEndpoint
{
    /// <summary>Get a dossier (hồ sơ) by id; the ETag header is its version.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/dossiers/{id}", OperationId = "getDossier")]
    [Tags("Dossiers")]
    [ProducesResponseType<DossierDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, PlatformClock clock, IDeadlines deadlines)
    {
        var caller = CallerFactory.From(http.User);
        var state = await ReadableDossier.LoadAsync(session, id, caller, http.RequestAborted);
        if (state is null)
        {
            return Problems.NotFound();
        }

        DossierETag.Write(http.Response, state.Version);
        return TypedResults.Ok(DossierDto.From(state, caller, clock.GetUtcNow(), deadlines));
    }
}
