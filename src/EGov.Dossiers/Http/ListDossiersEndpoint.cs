using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Web;
using Marten;
using Npgsql;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>Work lists: an officer sees the dossiers their unit holds or held; a citizen their own.</summary>
public static class ListDossiersEndpoint
{
    public const int MaxPageSize = 200;

    public const int MaxQueryLength = 100;

    /// <summary>
    /// The total is exact up to this many matches (or up to the end of the page asked for, when further); past it the
    /// answer says <c>totalIsLowerBound</c>. Counting every dossier due in one minute (10,000 in the deadline-query
    /// benchmark) was the largest single cost of the storm's work list; nobody pages through a thousand dossiers.
    /// </summary>
    public const int ExactTotalUpTo = 1000;

    /// <summary>List dossiers (danh sách hồ sơ): the caller's unit's work list, or a citizen's own dossiers.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/dossiers", OperationId = "listDossiers")]
    [Tags("Dossiers")]
    [ProducesResponseType<PageDto<DossierSummaryDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static async Task<IResult> Get(
        HttpContext http, IDocumentStore store, NpgsqlDataSource dataSource, PlatformClock clock, IDeadlines deadlines, ListLimits limits,
        string? unit, DossierStatus? status, bool? overdue,
        [Description("Hạn từ (bao gồm), " + InputRanges.InstantRangeText + " / Due at or after, within " + InputRanges.InstantRangeText + ".")] DateTimeOffset? dueFrom,
        [Description("Hạn trước (không bao gồm), " + InputRanges.InstantRangeText + " / Due before, within " + InputRanges.InstantRangeText + ".")] DateTimeOffset? dueTo,
        [Description("Trang, 1..10000 / Page, 1..10000.")][Range(1, InputRanges.MaxPage)] int? page,
        [Description("Số mục mỗi trang, 1..200 / Items per page, 1..200.")][Range(1, MaxPageSize)] int? pageSize,
        [Description("Tìm theo mã hồ sơ (hoặc phần đầu), số định danh, hoặc một phần họ tên (không phân biệt hoa thường, dấu) / Search: a dossier code or its prefix, an applicant ID number, or part of the applicant's name (case- and diacritic-insensitive); 1..100 characters.")][StringLength(100)] string? q = null)
    {
        var caller = CallerFactory.From(http.User);
        var p = page ?? 1;
        var size = pageSize ?? 50;
        var errors = new List<FieldError>();
        PagedBatch.Check(p, size, errors);

        foreach (var (field, instant) in new[] { ("dueFrom", dueFrom), ("dueTo", dueTo) })
        {
            if (instant is { } i && !InputRanges.Contains(i))
            {
                errors.Add(new FieldError(field, InputRanges.InstantMessage(field)));
            }
        }

        var query = q?.Trim();
        if (query is { Length: > MaxQueryLength } || (q is not null && query is { Length: 0 }) || (query is not null && query.Any(char.IsControl)))
        {
            errors.Add(new FieldError("q", $"q gồm 1..{MaxQueryLength} ký tự, không có ký tự điều khiển / q must be 1..{MaxQueryLength} characters without control characters."));
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var filter = new DossierListFilter { Unit = unit, Status = status, Overdue = overdue, DueFrom = dueFrom, DueTo = dueTo, Query = query };
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

            // unit=own already implies involvement: the (unit, due) index answers it without reading every row's
            // JSON for the involvement check.
            filter = unit is null ? filter with { InvolvedUnit = own } : filter;
        }
        else if (caller.CitizenId is { } citizenId && caller.Has(Roles.Citizen))
        {
            filter = filter with { ApplicantId = citizenId };
        }
        else
        {
            return Problems.From(new DossierError(ErrorKind.Forbidden, "no-list", "Bạn không có danh sách hồ sơ / You have no dossier list."));
        }

        var countUpTo = PagedBatch.CountUpTo(limits, p, size);
        var result = await DossierListQuery.RunAsync(dataSource, store.Options.Schema.For<DossierState>(), filter, p, size, countUpTo,
            clock.GetUtcNow(), deadlines, http.RequestAborted);
        return TypedResults.Ok(new PageDto<DossierSummaryDto>(result.Items, p, size, result.Total, result.TotalIsLowerBound));
    }
}

/// <summary>How far the work list counts (<c>Lists:ExactTotalUpTo</c>, default <see cref="ListDossiersEndpoint.ExactTotalUpTo"/>).</summary>
public sealed record ListLimits(int ExactTotalUpTo);
