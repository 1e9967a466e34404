using EGov.Dossiers.Model;
using EGov.Kernel;

namespace EGov.Documents.Access;

/// <summary>Allowed; forbidden (403: the caller may know the document exists); hidden (404: they may not).</summary>
public enum Verdict
{
    Allowed,
    Forbidden,
    Hidden,
}

/// <summary>A verdict and, when allowed, the purpose recorded in the access log.</summary>
public sealed record AccessDecision(Verdict Verdict, string Purpose)
{
    public static readonly AccessDecision Hidden = new(Verdict.Hidden, string.Empty);
    public static readonly AccessDecision Forbidden = new(Verdict.Forbidden, string.Empty);

    public static AccessDecision Allow(string purpose) => new(Verdict.Allowed, purpose);
}

/// <summary>
/// Who may do what with a vault document (issue 5, point 4). Reading: the owner; officers of a unit that holds or
/// held a dossier of the owner citing the document (as evidence or as its result), until that dossier is final
/// (delivered, refused, rejected, withdrawn, stopped); officers of a unit holding an active grant. Granting, revoking, deleting: the owner only. The access log: the owner and administrators.
/// A caller with no tie to the document gets 404, so ids cannot be probed; a caller who had or could have a tie
/// (an administrator, a unit whose dossier closed or whose grant ended) gets 403.
/// </summary>
public static class DocumentAccessRules
{
    public const string OwnerPurpose = "owner";

    public static bool IsOwner(Caller caller, string ownerIdNumber)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Has(Roles.Citizen) && caller.CitizenId is not null && string.Equals(caller.CitizenId, ownerIdNumber, StringComparison.Ordinal);
    }

    public static bool IsOfficer(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Unit is not null && Roles.Officers.Any(caller.Has);
    }

    public static AccessDecision Read(DocumentFacts facts, Caller caller, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (IsOwner(caller, facts.Document.OwnerIdNumber))
        {
            return AccessDecision.Allow(OwnerPurpose);
        }

        if (IsOfficer(caller))
        {
            var unit = caller.Unit!;
            // "Processing" lasts until the dossier is final: a result that is ready still has to be handed over.
            if (facts.Dossiers.FirstOrDefault(d => !d.Status.IsFinal() && d.InvolvedUnits.Contains(unit)) is { } dossier)
            {
                return AccessDecision.Allow($"dossier {dossier.Code} ({dossier.ProcedureCode})");
            }

            if (facts.Grants.Where(g => g.Unit == unit && g.IsActive(now)).OrderByDescending(g => g.Until).FirstOrDefault() is { } grant)
            {
                return AccessDecision.Allow($"grant {grant.Id}: {grant.Purpose}");
            }
        }

        return Knows(facts, caller) ? AccessDecision.Forbidden : AccessDecision.Hidden;
    }

    /// <summary>Granting, revoking and deleting belong to the owner alone.</summary>
    public static AccessDecision Own(DocumentFacts facts, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return IsOwner(caller, facts.Document.OwnerIdNumber) ? AccessDecision.Allow(OwnerPurpose)
            : Knows(facts, caller) ? AccessDecision.Forbidden
            : AccessDecision.Hidden;
    }

    public static AccessDecision AccessLog(DocumentFacts facts, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(caller);
        return IsOwner(caller, facts.Document.OwnerIdNumber) ? AccessDecision.Allow(OwnerPurpose)
            : caller.IsAdmin ? AccessDecision.Allow("admin")
            : Knows(facts, caller) ? AccessDecision.Forbidden
            : AccessDecision.Hidden;
    }

    /// <summary>Whether the caller may already know the document exists (then a refusal is 403, not 404).</summary>
    private static bool Knows(DocumentFacts facts, Caller caller) =>
        caller.IsAdmin
        || IsOwner(caller, facts.Document.OwnerIdNumber)
        || (IsOfficer(caller) && (facts.Dossiers.Any(d => d.InvolvedUnits.Contains(caller.Unit!)) || facts.Grants.Any(g => g.Unit == caller.Unit)));
}
