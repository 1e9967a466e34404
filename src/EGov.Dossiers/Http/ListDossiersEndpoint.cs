using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>Work lists: an officer sees the dossiers their unit holds or held; a citizen their own.</summary>
public static class ListDossiersEndpoint
{
    public const int MaxPageSize = 200;

    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/dossiers", OperationId = "listDossiers")]
    [Tags("Dossiers")]
    [ProducesResponseType<PageDto<DossierSummaryDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static async Task<IResult> Get(
        HttpContext http, IQuerySession session, PlatformClock clock, IDeadlines deadlines,
        string? unit, DossierStatus? status, bool? overdue, DateTimeOffset? dueFrom, DateTimeOffset? dueTo, int? page, int? pageSize)
    {
        var caller = CallerFactory.From(http.User);
        var p = page ?? 1;
        var size = pageSize ?? 50;
        if (p < 1 || size < 1 || size > MaxPageSize)
        {
            return Problems.Invalid("page", $"page ≥ 1 và 1 ≤ pageSize ≤ {MaxPageSize} / page must be ≥ 1 and pageSize between 1 and {MaxPageSize}.");
        }

        IQueryable<DossierState> query = session.Query<DossierState>();
        if (caller.IsAdmin)
        {
            // An administrator sees every dossier.
        }
        else if (caller.Unit is { } own && Roles.Officers.Any(caller.Has))
        {
            if (unit is not null && unit != own)
            {
                return Problems.From(new DossierError(ErrorKind.Forbidden, "other-unit",
                    "Chỉ xem được hồ sơ của đơn vị mình / Officers list only their own unit's dossiers."));
            }

            // unit=own (filtered below) already implies involvement: the (unit, due) index answers it without
            // reading every row's JSON for the involvement check.
            if (unit is null)
            {
                query = query.Where(x => x.InvolvedUnits.Contains(own));
            }
        }
        else if (caller.CitizenId is { } citizenId && caller.Has(Roles.Citizen))
        {
            query = query.Where(x => x.Applicant.IdNumber == citizenId);
        }
        else
        {
            return Problems.From(new DossierError(ErrorKind.Forbidden, "no-list", "Bạn không có danh sách hồ sơ / You have no dossier list."));
        }

        // unit=X narrows to the dossiers of unit X (the ones it owns), inside what the caller may see.
        if (unit is not null)
        {
            query = query.Where(x => x.Unit == unit);
        }

        if (dueFrom is { } from)
        {
            var f = from.ToUniversalTime();
            query = query.Where(x => x.DueAt >= f);
        }

        if (dueTo is { } to)
        {
            var t = to.ToUniversalTime();
            query = query.Where(x => x.DueAt < t);
        }

        if (status is { } st)
        {
            query = query.Where(x => x.Status == st);
        }

        var now = clock.GetUtcNow();
        if (overdue is true)
        {
            query = query.Where(x => x.IsOpen && x.DueAt != null && x.DueAt < now);
        }
        else if (overdue is false)
        {
            query = query.Where(x => !(x.IsOpen && x.DueAt != null && x.DueAt < now));
        }

        var total = await query.CountAsync(http.RequestAborted);
        var rows = await query.OrderBy(x => x.DueAt).ThenBy(x => x.SubmittedAt)
            .Skip((p - 1) * size).Take(size).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(new PageDto<DossierSummaryDto>(rows.Select(r => DossierSummaryDto.From(r, now, deadlines)).ToArray(), p, size, total));
    }
}
