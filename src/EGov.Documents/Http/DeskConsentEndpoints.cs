using EGov.Calendar;
using EGov.Catalog;
using EGov.Documents.Access;
using EGov.Documents.Model;
using EGov.Documents.Reuse;
using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Documents.Http;

/// <summary>The body of <c>POST /api/v1/procedures/{code}/desk-consents</c>.</summary>
/// <param name="Basis">What the officer attests: <c>present-identity-checked</c> or <c>signed-consent-form</c>.</param>
/// <param name="Reason">Why, in the officer's words (e.g. the citizen is at the counter and agreed); shown to the citizen.</param>
public sealed record DeskConsentRequest(string? OwnerIdNumber, string? Basis, string? Reason);

/// <summary>A desk officer's declared consent act, as the officer and the citizen see it.</summary>
public sealed record DeskConsentDto(
    Guid Id, string OwnerIdNumber, string ProcedureCode, string Unit, string Basis, string Reason, string DeclaredBy, DateTimeOffset DeclaredAt,
    DateTimeOffset Until, bool Active)
{
    public static DeskConsentDto From(DeskConsent c, DateTimeOffset now, BusinessTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(zone);
        return new DeskConsentDto(c.Id, c.OwnerIdNumber, c.ProcedureCode, c.Unit, c.Basis, c.Reason, c.DeclaredBy, zone.InZone(c.DeclaredAt),
            zone.InZone(c.Until), c.Until > now);
    }
}

/// <summary>
/// The desk act that stands in for a citizen's own consent to reuse their vault documents (docs/documents.md,
/// "Consent"): declared by a desk officer of the procedure's unit, with a basis and a reason, for a short while;
/// logged on each of the citizen's documents, and listed to the citizen.
/// </summary>
public static class DeskConsentEndpoints
{
    public const int MaxReasonLength = 500;

    /// <summary>Declare a desk consent (xác nhận đồng ý tại quầy) to reuse a citizen's vault documents.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverinePost("/api/v1/procedures/{code}/desk-consents", OperationId = "declareDeskConsent")]
    [Tags("Documents")]
    [ProducesResponseType<DeskConsentDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Declare(
        string code, DeskConsentRequest request, HttpContext http, ProcedureCatalog catalog, DeskConsents consents, PlatformClock clock, BusinessTimeZone zone)
    {
        if (catalog.FindProcedure(code) is not { } procedure)
        {
            return DocumentProblems.UnknownProcedure(code);
        }

        var caller = CallerFactory.From(http.User);
        var unit = procedure.Definition.UnitCode;
        if (!caller.IsOfficerOf(unit, Roles.DeskOfficer))
        {
            return DocumentProblems.Forbidden(
                $"Chỉ cán bộ một cửa của đơn vị {unit} khai báo được / Only a desk officer of unit {unit} may declare a citizen's consent for this procedure.");
        }

        var errors = new List<FieldError>();
        if (!OwnerId.IsValid(request?.OwnerIdNumber))
        {
            errors.Add(new("ownerIdNumber", "Cần số định danh hoặc mã số thuế của chủ giấy tờ / ownerIdNumber (citizen id or tax code) is required."));
        }

        if (request?.Basis is not { } basis || !DeskConsentBases.All.Contains(basis, StringComparer.Ordinal))
        {
            errors.Add(new("basis", $"Căn cứ phải là một trong: {string.Join(", ", DeskConsentBases.All)} / basis must be one of: {string.Join(", ", DeskConsentBases.All)}."));
        }

        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength || reason.Any(char.IsControl))
        {
            errors.Add(new("reason",
                $"Cần nêu lý do (tối đa {MaxReasonLength} ký tự, không ký tự điều khiển) / A reason of at most {MaxReasonLength} characters, without control characters, is required."));
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var act = await consents.DeclareAsync(request!.OwnerIdNumber!, procedure.Definition.Code, unit, request.Basis!, reason!, caller, http.RequestAborted);
        return TypedResults.Created($"/api/v1/documents/desk-consents/{act.Id}", DeskConsentDto.From(act, clock.GetUtcNow(), zone));
    }

    /// <summary>List desk consents (xác nhận đồng ý tại quầy) declared for the caller or by the caller's unit.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/documents/desk-consents", OperationId = "listDeskConsents")]
    [Tags("Documents")]
    [ProducesResponseType<IReadOnlyList<DeskConsentDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static async Task<IResult> List(HttpContext http, DeskConsents consents, PlatformClock clock, BusinessTimeZone zone)
    {
        var caller = CallerFactory.From(http.User);
        if (caller.CitizenId is not { } owner || !DocumentAccessRules.IsOwner(caller, owner))
        {
            return DocumentProblems.Forbidden("Chỉ công dân xem các lần khai báo về mình / Only citizens list the desk acts about themselves.");
        }

        var now = clock.GetUtcNow();
        return TypedResults.Ok((await consents.OfOwnerAsync(owner, http.RequestAborted)).Select(c => DeskConsentDto.From(c, now, zone)).ToArray());
    }
}
