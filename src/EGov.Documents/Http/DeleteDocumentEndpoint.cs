using EGov.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Documents.Http;

/// <summary>The owner deletes a document that no dossier cites (docs/documents.md: what the law keeps).</summary>
public static class DeleteDocumentEndpoint
{
    /// <summary>Run by Wolverine before each endpoint here: only the owner goes on (404 or 403 otherwise).</summary>
    public static Task<(DocumentAccess?, IResult)> LoadAsync(Guid id, HttpContext http, DocumentVault vault) =>
        DocumentLoad.OwnedAsync(id, http, vault);

    /// <summary>Delete a vault document (xóa giấy tờ): its owner, while no dossier cites it.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineDelete("/api/v1/documents/{id}", OperationId = "deleteDocument")]
    [Tags("Documents")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Delete([NotBody] DocumentAccess access, HttpContext http, DocumentVault vault)
    {
        return await vault.DeleteAsync(access.Facts.Document, http.RequestAborted) ? TypedResults.NoContent() : DocumentProblems.InUse();
    }
}
