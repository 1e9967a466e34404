using EGov.Calendar;
using EGov.Documents.Access;
using EGov.Documents.Content;
using EGov.Documents.Model;
using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Documents.Http;

/// <summary>Reads of a document's metadata and bytes: each one allowed by <see cref="DocumentAccessRules"/> and logged first.</summary>
public static class DocumentReadEndpoints
{
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/documents/{id}", OperationId = "getDocument")]
    [Tags("Documents")]
    [ProducesResponseType<DocumentDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, HttpContext http, DocumentVault vault, DocumentTypeCatalog types, BusinessTimeZone zone)
    {
        var caller = CallerFactory.From(http.User);
        var facts = await vault.FactsAsync(id, http.RequestAborted);
        if (facts is null)
        {
            return DocumentProblems.NotFound();
        }

        var decision = DocumentAccessRules.Read(facts, caller, vault.Now);
        if (decision.Verdict != Verdict.Allowed)
        {
            return DocumentProblems.Denied(decision);
        }

        await vault.LogAsync([(facts.Document, decision.Purpose)], AccessKinds.Metadata, caller, http.RequestAborted);
        return TypedResults.Ok(DocumentDto.From(facts.Document, types, zone, facts));
    }

    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/documents/{id}/content", OperationId = "getDocumentContent")]
    [Tags("Documents")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> GetContent(Guid id, HttpContext http, DocumentVault vault)
    {
        var caller = CallerFactory.From(http.User);
        var facts = await vault.FactsAsync(id, http.RequestAborted);
        if (facts is null)
        {
            return DocumentProblems.NotFound();
        }

        var decision = DocumentAccessRules.Read(facts, caller, vault.Now);
        if (decision.Verdict != Verdict.Allowed)
        {
            return DocumentProblems.Denied(decision);
        }

        var document = facts.Document;
        var content = await vault.OpenContentAsync(document, http.RequestAborted);
        if (content is null)
        {
            return DocumentProblems.NotFound();
        }

        await vault.LogAsync([(document, decision.Purpose)], AccessKinds.Content, caller, http.RequestAborted);

        // Bytes from citizens are served as attachments that a browser never runs, whatever they contain.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.ETag = $"\"{document.Sha256}\"";
        http.Response.Headers["Digest"] = $"sha-256={Convert.ToBase64String(Convert.FromHexString(document.Sha256))}";
        http.Response.ContentLength = document.Size;
        return TypedResults.Stream(content, document.ContentType, $"{document.Id}.{MediaTypes.Extension(document.ContentType)}");
    }

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
