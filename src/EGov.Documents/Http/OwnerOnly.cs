using EGov.Documents.Access;
using EGov.Dossiers.Model;
using Microsoft.AspNetCore.Http;

namespace EGov.Documents.Http;

/// <summary>The shared first step of the owner's endpoints (grant, list grants, revoke, delete): find the document, check ownership.</summary>
internal static class OwnerOnly
{
    /// <returns>The document's facts when the caller owns it; otherwise the problem to answer.</returns>
    public static async Task<(DocumentFacts? Facts, IResult? Problem)> LoadAsync(DocumentVault vault, Guid id, HttpContext http)
    {
        var facts = await vault.FactsAsync(id, http.RequestAborted);
        if (facts is null)
        {
            return (null, DocumentProblems.NotFound());
        }

        var decision = DocumentAccessRules.Own(facts, CallerFactory.From(http.User));
        return decision.Verdict == Verdict.Allowed ? (facts, null) : (null, DocumentProblems.Denied(decision));
    }
}
