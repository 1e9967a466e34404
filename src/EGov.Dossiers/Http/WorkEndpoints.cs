using System.ComponentModel;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>
/// <c>GET /api/v1/work</c> and <c>/api/v1/work/counts</c>: an officer's queue, scoped to the unit that holds each
/// dossier now (the current step's unit while a step runs, else the desk that received it).
/// </summary>
public static class WorkEndpoints
{
    /// <summary>A work list (danh sách công việc): mine, unit-unassigned, due-soon, overdue or awaiting-supplement by due instant; at-risk by probability.</summary>
    [Authorize(Policy = Policies.Officer)]
    [WolverineGet("/api/v1/work", OperationId = "listWork")]
    [Tags("Work")]
    [ProducesResponseType<PageDto<WorkItemDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static async Task<IResult> Get(
        HttpContext http, IDocumentStore store, NpgsqlDataSource dataSource, PlatformClock clock, IDeadlines deadlines, ListLimits limits,
        [Description("Danh sách / The list: mine, unit-unassigned, due-soon, overdue, awaiting-supplement, at-risk.")] string? list,
        [Description("Trang, 1..10000 / Page, 1..10000.")] int? page,
        [Description("Số mục mỗi trang, 1..200 / Items per page, 1..200.")] int? pageSize)
    {
        var errors = new List<FieldError>();
        var p = page ?? 1;
        var size = pageSize ?? 50;
        if (list is null || !WorkListQuery.Names.TryGetValue(list, out var which))
        {
            errors.Add(new FieldError("list", $"list là một trong: {string.Join(", ", WorkListQuery.Names.Keys)} / list must be one of: {string.Join(", ", WorkListQuery.Names.Keys)}."));
            which = default;
        }

        PagedBatch.Check(p, size, errors);

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        if (UnitOf(http) is not { } unit)
        {
            return NoUnit();
        }

        var now = clock.GetUtcNow();
        var countUpTo = PagedBatch.CountUpTo(limits, p, size);
        var (items, total, lowerBound) = await WorkListQuery.PageAsync(dataSource, store.Options.Schema.For<DossierState>(), which, unit.Unit, unit.Subject,
            now, WorkListQuery.SoonBefore(now, deadlines), p, size, countUpTo, deadlines, http.RequestAborted);
        return TypedResults.Ok(new PageDto<WorkItemDto>(items, p, size, total, lowerBound));
    }

    /// <summary>How many dossiers each work list holds (số việc theo danh sách), in one query.</summary>
    [Authorize(Policy = Policies.Officer)]
    [WolverineGet("/api/v1/work/counts", OperationId = "countWork")]
    [Tags("Work")]
    [ProducesResponseType<WorkCountsDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static async Task<IResult> GetCounts(HttpContext http, IDocumentStore store, NpgsqlDataSource dataSource, PlatformClock clock, IDeadlines deadlines)
    {
        if (UnitOf(http) is not { } unit)
        {
            return NoUnit();
        }

        var now = clock.GetUtcNow();
        return TypedResults.Ok(await WorkListQuery.CountAsync(dataSource, store.Options.Schema.For<DossierState>(), unit.Unit, unit.Subject,
            now, WorkListQuery.SoonBefore(now, deadlines), http.RequestAborted));
    }

    // The policy lets administrators in; a work list is a unit's, so one without a unit has none.
    private static (string Unit, string Subject)? UnitOf(HttpContext http)
    {
        var caller = CallerFactory.From(http.User);
        return caller.Unit is { Length: > 0 } unit && Roles.Officers.Any(caller.Has) ? (unit, caller.Subject) : null;
    }

    private static IResult NoUnit() => Problems.From(new DossierError(ErrorKind.Forbidden, "no-unit",
        "Danh sách công việc là của một đơn vị / Work lists belong to an officer of a unit; this token names none."));
}
