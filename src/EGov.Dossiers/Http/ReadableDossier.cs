using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using Marten;

namespace EGov.Dossiers.Http;

/// <summary>Loads a dossier from the read model only if the caller may see it: otherwise it does not exist for them (404).</summary>
internal static class ReadableDossier
{
    public static async Task<DossierState?> LoadAsync(IQuerySession session, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var state = await session.LoadAsync<DossierState>(id, cancellationToken);
        return state is not null && DossierRules.CanRead(state, caller) ? state : null;
    }
}
