using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Dossiers.Officers;
using EGov.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>An officer of the directory: whom a leader may pick as assignee.</summary>
public sealed record OfficerDto(string Subject, string Name, IReadOnlyList<string> Roles);

/// <summary><c>GET /api/v1/units/{unit}/officers</c>: the officer directory of one unit.</summary>
public static class OfficersEndpoint
{
    /// <summary>List a unit's officers (danh bạ cán bộ): everyone who has used the platform there, and the demo officers.</summary>
    [Authorize(Policy = Policies.Officer)]
    [WolverineGet("/api/v1/units/{unit}/officers", OperationId = "listUnitOfficers")]
    [Tags("Work")]
    [ProducesResponseType<IReadOnlyList<OfficerDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static async Task<IResult> Get(string unit, HttpContext http, OfficerDirectory directory)
    {
        var caller = CallerFactory.From(http.User);
        if (!caller.IsAdmin && !string.Equals(caller.Unit, unit, StringComparison.Ordinal))
        {
            return Problems.From(new DossierError(ErrorKind.Forbidden, "other-unit",
                "Chỉ xem được danh bạ cán bộ của đơn vị mình / Officers see only their own unit's directory."));
        }

        var officers = await directory.ListAsync(unit, http.RequestAborted);
        return TypedResults.Ok(officers.Select(o => new OfficerDto(o.Subject, o.Name, o.Roles)).ToArray());
    }
}
