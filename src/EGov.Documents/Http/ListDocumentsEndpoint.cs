using EGov.Documents.Access;
using EGov.Documents.Model;
using EGov.Calendar;
using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Documents.Http;

/// <summary>An owner's documents, or those of one owner that the calling officer may read: each read logged.</summary>
/// <remarks>Its own class because it names no single document, so <see cref="DocumentReadEndpoints.LoadAsync"/> does not apply.</remarks>
public static class ListDocumentsEndpoint
{
    /// <summary>List vault documents (kho giấy tờ) the caller may see.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/documents", OperationId = "listDocuments")]
    [Tags("Documents")]
    [ProducesResponseType<IReadOnlyList<DocumentDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    public static async Task<IResult> List(HttpContext http, DocumentVault vault, DocumentTypeCatalog types, BusinessTimeZone zone, string? ownerIdNumber)
    {
        var caller = CallerFactory.From(http.User);
        var owner = ownerIdNumber ?? (caller.Has(Roles.Citizen) ? caller.CitizenId : null);
        if (!OwnerId.IsValid(owner))
        {
            return ProblemResults.Invalid("ownerIdNumber", "Cần số định danh hoặc mã số thuế của chủ giấy tờ / ownerIdNumber (citizen id or tax code) is required.");
        }

        if (!DocumentAccessRules.IsOwner(caller, owner!) && !DocumentAccessRules.IsOfficer(caller))
        {
            return DocumentProblems.Forbidden("Chỉ chủ giấy tờ hoặc cán bộ được chia sẻ mới xem được / Only the owner or officers holding a grant may list documents.");
        }

        var now = vault.Now;
        var all = await vault.FactsAsync(await vault.OfOwnerAsync(owner!, http.RequestAborted), http.RequestAborted);
        var readable = all.Select(f => (Facts: f, Decision: DocumentAccessRules.Read(f, caller, now)))
            .Where(x => x.Decision.Verdict == Verdict.Allowed)
            .ToArray();
        if (readable.Length == 0 && !DocumentAccessRules.IsOwner(caller, owner!))
        {
            return DocumentProblems.Forbidden("Đơn vị của bạn chưa được chia sẻ giấy tờ nào của người này / Your unit holds no grant or open dossier for this owner's documents.");
        }

        if (readable.Length > 0)
        {
            await vault.LogAsync(readable.Select(x => (x.Facts.Document, x.Decision.Purpose)), AccessKinds.List, caller, http.RequestAborted);
        }

        return TypedResults.Ok(readable.Select(x => DocumentDto.From(x.Facts.Document, types, zone, x.Facts))
            .ToArray());
    }
}
