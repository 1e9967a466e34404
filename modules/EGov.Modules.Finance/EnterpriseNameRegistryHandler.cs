using EGov.Modules.Sdk;
using Marten;

namespace EGov.Modules.Finance;

/// <summary>
/// Keeps the name registry in step with the registration dossiers: a received dossier reserves its name, an
/// approved one registers it, one that ends without approval frees it. Idempotent: every write is keyed by name
/// and checked against the dossier that holds it.
/// </summary>
public static class EnterpriseNameRegistryHandler
{
    public static async Task Handle(DossierMilestone milestone, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        ArgumentNullException.ThrowIfNull(session);
        if (!EnterpriseNames.Procedures.Contains(milestone.ProcedureCode)
            || !milestone.Details.TryGetValue(EnterpriseNames.DetailKey, out var name) || string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        var key = EnterpriseNames.Normalize(name);
        var current = await session.LoadAsync<EnterpriseName>(key, cancellationToken);
        if (current is not null && current.DossierId != milestone.DossierId)
        {
            return; // another dossier holds the name (two intakes raced past the check): the review step settles it
        }

        switch (milestone.Milestone)
        {
            case Milestones.Received when current is null:
                session.Store(new EnterpriseName { Id = key, Name = name.Trim(), DossierId = milestone.DossierId, DossierCode = milestone.Code, At = milestone.At });
                break;
            case Milestones.Approved:
                session.Store(new EnterpriseName
                {
                    Id = key, Name = name.Trim(), DossierId = milestone.DossierId, DossierCode = milestone.Code, Status = EnterpriseNames.Registered, At = milestone.At,
                });
                break;
            case Milestones.Rejected:
            case Milestones.Closed when current is { Status: EnterpriseNames.Reserved }:
                session.Delete<EnterpriseName>(key);
                break;
        }

        await session.SaveChangesAsync(cancellationToken);
    }
}
