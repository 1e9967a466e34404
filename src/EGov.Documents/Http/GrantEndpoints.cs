using EGov.Calendar;
using EGov.Catalog;
using EGov.Documents.Model;
using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Documents.Http;

/// <summary>The owner shares a document with a unit, for a purpose, until an instant; and takes it back.</summary>
public static class GrantEndpoints
{
    public const int MaxPurposeLength = 500;

    /// <summary>Run by Wolverine before each endpoint here: only the owner goes on (404 or 403 otherwise).</summary>
    public static Task<(DocumentAccess?, IResult)> LoadAsync(Guid id, HttpContext http, DocumentVault vault) =>
        DocumentLoad.OwnedAsync(id, http, vault);

    /// <summary>Grant a unit access to a vault document (cấp quyền truy cập).</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverinePost("/api/v1/documents/{id}/grants", OperationId = "grantDocument")]
    [Tags("Documents")]
    [ProducesResponseType<GrantDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Grant(
        Guid id, GrantRequest request, [NotBody] DocumentAccess access, HttpContext http, DocumentVault vault, ProcedureCatalog catalog, DocumentsOptions options, BusinessTimeZone zone)
    {
        var now = vault.Now;
        var errors = new List<FieldError>();
        if (catalog.FindUnit(request.Unit) is null)
        {
            errors.Add(new("unit", "Đơn vị không có trong danh mục (GET /api/v1/units) / Unknown unit (see GET /api/v1/units)."));
        }

        var purpose = request.Purpose?.Trim();
        if (string.IsNullOrEmpty(purpose) || purpose.Length > MaxPurposeLength)
        {
            errors.Add(new("purpose", $"Cần nêu mục đích (tối đa {MaxPurposeLength} ký tự) / A purpose of at most {MaxPurposeLength} characters is required."));
        }

        if (request.Until is not { } until || until <= now || until > now.AddDays(options.MaxGrantDays))
        {
            errors.Add(new("until", $"Thời hạn phải sau hiện tại và trong vòng {options.MaxGrantDays} ngày / 'until' must be in the future and within {options.MaxGrantDays} days."));
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var grant = await vault.GrantAsync(access.Facts.Document, request.Unit!, purpose!, request.Until!.Value, CallerFactory.From(http.User), http.RequestAborted);
        return TypedResults.Created($"/api/v1/documents/{id}/grants/{grant.Id}", GrantDto.From(grant, now, zone));
    }

    /// <summary>List a vault document's access grants (quyền truy cập).</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/documents/{id}/grants", OperationId = "listDocumentGrants")]
    [Tags("Documents")]
    [ProducesResponseType<IReadOnlyList<GrantDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static IResult List([NotBody] DocumentAccess access, DocumentVault vault, BusinessTimeZone zone)
    {
        var now = vault.Now;
        return TypedResults.Ok(access.Facts.Grants.OrderBy(g => g.GrantedAt).Select(g => GrantDto.From(g, now, zone)).ToArray());
    }

    /// <summary>Revoke an access grant (thu hồi quyền truy cập) on a vault document.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineDelete("/api/v1/documents/{id}/grants/{grantId}", OperationId = "revokeDocumentGrant")]
    [Tags("Documents")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Revoke(Guid id, Guid grantId, HttpContext http, DocumentVault vault)
    {
        return await vault.RevokeAsync(id, grantId, CallerFactory.From(http.User), http.RequestAborted)
            ? TypedResults.NoContent()
            : DocumentProblems.NotFound();
    }
}
