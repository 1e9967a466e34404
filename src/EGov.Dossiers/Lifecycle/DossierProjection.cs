using JasperFx.Events;
using Marten.Events.Aggregation;

namespace EGov.Dossiers.Lifecycle;

/// <summary>
/// The inline read model: the same fold the grain uses, stored as a document in the same transaction as the
/// events. Lists, searches and the public lookup read it; they never activate grains.
/// </summary>
public sealed partial class DossierProjection : SingleStreamProjection<DossierState, Guid>
{
    public override DossierState Evolve(DossierState? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return DossierEvolution.Apply(snapshot, e.Data, e.Version);
    }
}
