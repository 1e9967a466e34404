using EGov.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Documents.Http;

/// <summary>The owner deletes a document that no dossier cites (docs/documents.md: what the law keeps).</summary>
public static class DeleteDocumentEndpoint
{
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineDelete("/api/v1/documents/{id}", OperationId = "deleteDocument")]
    [Tags("Documents")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public static async Task<IResult> Delete(Guid id, HttpContext http, DocumentVault vault)
    {
        var (facts, problem) = await OwnerOnly.LoadAsync(vault, id, http);
        if (problem is not null)
        {
            return problem;
        }

        return await vault.DeleteAsync(facts!.Document, http.RequestAborted) ? TypedResults.NoContent() : DocumentProblems.InUse();
    }
}
