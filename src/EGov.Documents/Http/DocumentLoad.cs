using EGov.Documents.Access;
using EGov.Dossiers.Model;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace EGov.Documents.Http;

/// <summary>
/// The first step of every endpoint on one document: find it (404), check the caller's right (403 or 404), and hand
/// the facts on. Each endpoint class calls one of these from its Wolverine <c>LoadAsync</c> method, which Wolverine
/// runs before the endpoint and whose <see cref="IResult"/> ends the request unless it is <see cref="WolverineContinue"/>
/// (the Critter Stack's "load, then decide" convention); the endpoint itself then receives the facts.
/// </summary>
internal static class DocumentLoad
{
    private static readonly IResult Continue = WolverineContinue.Result();

    /// <summary>For the owner's endpoints (grant, list grants, revoke, delete).</summary>
    public static Task<(DocumentAccess?, IResult)> OwnedAsync(Guid id, HttpContext http, DocumentVault vault) =>
        LoadAsync(id, http, vault, (facts, caller) => DocumentAccessRules.Own(facts, caller));

    /// <summary>For reads of the metadata and the bytes: the owner, an officer holding a grant or an open dossier.</summary>
    public static Task<(DocumentAccess?, IResult)> ReadableAsync(Guid id, HttpContext http, DocumentVault vault) =>
        LoadAsync(id, http, vault, (facts, caller) => DocumentAccessRules.Read(facts, caller, vault.Now));

    private static async Task<(DocumentAccess?, IResult)> LoadAsync(
        Guid id, HttpContext http, DocumentVault vault, Func<DocumentFacts, Caller, AccessDecision> rule)
    {
        var facts = await vault.FactsAsync(id, http.RequestAborted);
        if (facts is null)
        {
            return (null, DocumentProblems.NotFound());
        }

        var decision = rule(facts, CallerFactory.From(http.User));
        return decision.Verdict == Verdict.Allowed ? (new DocumentAccess(facts, decision), Continue) : (null, DocumentProblems.Denied(decision));
    }
}

/// <summary>A document the caller may act on, and the right that let them (its purpose is what the access log records).</summary>
public sealed record DocumentAccess(DocumentFacts Facts, AccessDecision Decision);
