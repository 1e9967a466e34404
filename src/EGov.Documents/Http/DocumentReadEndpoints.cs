using EGov.Calendar;
using EGov.Documents.Access;
using EGov.Documents.Content;
using EGov.Documents.Model;
using EGov.Dossiers.Model;
using EGov.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Documents.Http;

/// <summary>Reads of a document's metadata and bytes: each one allowed by <see cref="DocumentAccessRules"/> and logged first.</summary>
public static class DocumentReadEndpoints
{
    /// <summary>Run by Wolverine before each endpoint here: 404 or 403 ends the request, otherwise the access is handed on.</summary>
    public static Task<(DocumentAccess?, IResult)> LoadAsync(Guid id, HttpContext http, DocumentVault vault) =>
        DocumentLoad.ReadableAsync(id, http, vault);

    /// <summary>Get a vault document's metadata (giấy tờ).</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/documents/{id}", OperationId = "getDocument")]
    [Tags("Documents")]
    [ProducesResponseType<DocumentDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get([NotBody] DocumentAccess access, HttpContext http, DocumentVault vault, DocumentTypeCatalog types, BusinessTimeZone zone)
    {
        var (facts, decision) = access;
        await vault.LogAsync([(facts.Document, decision.Purpose)], AccessKinds.Metadata, CallerFactory.From(http.User), http.RequestAborted);
        return TypedResults.Ok(DocumentDto.From(facts.Document, types, zone, facts));
    }

    /// <summary>Download a vault document's content (tải giấy tờ); the access is logged.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/documents/{id}/content", OperationId = "getDocumentContent")]
    [Tags("Documents")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> GetContent([NotBody] DocumentAccess access, HttpContext http, DocumentVault vault)
    {
        var (facts, decision) = access;
        var document = facts.Document;
        var content = await vault.OpenContentAsync(document, http.RequestAborted);
        if (content is null)
        {
            return DocumentProblems.NotFound();
        }

        await vault.LogAsync([(document, decision.Purpose)], AccessKinds.Content, CallerFactory.From(http.User), http.RequestAborted);

        // Bytes from citizens are served as attachments that a browser never runs, whatever they contain.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.ETag = $"\"{document.Sha256}\"";
        http.Response.Headers["Digest"] = $"sha-256={Convert.ToBase64String(Convert.FromHexString(document.Sha256))}";
        http.Response.ContentLength = document.Size;
        return TypedResults.Stream(content, document.ContentType, $"{document.Id}.{MediaTypes.Extension(document.ContentType)}");
    }
}
