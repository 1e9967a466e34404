using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Web;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>A deadline notification as an officer reads it.</summary>
public sealed record NotificationDto(Guid Id, Guid DossierId, string DossierCode, string Kind, string Scope, string Unit, string? Role, DateTimeOffset DueAt, DateTimeOffset CreatedAt, string Message, string MessageEn);

/// <summary>An officer's in-tray of deadline warnings: their unit's, and the leaders' ones only for leaders.</summary>
public static class NotificationsEndpoint
{
    /// <summary>The most notifications one answer holds (<c>limit</c> is 1..500, default 100).</summary>
    public const int MaxLimit = 500;

    /// <summary>List the unit's deadline notifications (cảnh báo hạn): due soon and overdue.</summary>
    [Authorize(Policy = Policies.Officer)]
    [WolverineGet("/api/v1/notifications", OperationId = "listNotifications")]
    [Tags("Deadlines")]
    [ProducesResponseType<IReadOnlyList<NotificationDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Get(
        HttpContext http, IQuerySession session, Lifecycle.IDeadlines deadlines, string? kind,
        [Description("Số thông báo tối đa, 1..500 (mặc định 100) / At most this many, 1..500 (default 100).")][Range(1, MaxLimit)] int? limit)
    {
        var caller = CallerFactory.From(http.User);

        // Refused rather than clamped: a client asking for 10,000 should learn that it gets 500 at most.
        if (limit is < 1 or > MaxLimit)
        {
            return ProblemResults.Invalid("limit", InputRanges.CountMessage("limit", 1, MaxLimit));
        }

        var take = limit ?? 100;
        IQueryable<Notification> query = session.Query<Notification>();
        if (!caller.IsAdmin)
        {
            if (caller.Unit is not { } unit)
            {
                return Problems.From(new Lifecycle.DossierError(Lifecycle.ErrorKind.Forbidden, "no-unit", "Tài khoản không gắn với đơn vị / Your account has no unit."));
            }

            var leader = caller.Has(Roles.Leader);
            query = query.Where(n => n.Unit == unit && (n.Role == null || (leader && n.Role == Roles.Leader)));
        }

        if (kind is not null)
        {
            query = query.Where(n => n.Kind == kind);
        }

        var rows = await query.OrderByDescending(n => n.CreatedAt).Take(take).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(rows.Select(n => new NotificationDto(n.Id, n.DossierId, n.DossierCode, n.Kind, n.Scope, n.Unit, n.Role,
            deadlines.InZone(n.DueAt), deadlines.InZone(n.CreatedAt), n.Message, n.MessageEn)).ToArray());
    }
}
