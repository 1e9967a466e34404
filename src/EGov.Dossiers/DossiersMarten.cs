using EGov.Dossiers.Intake;
using EGov.Dossiers.Lifecycle;
using JasperFx.Events.Projections;
using Marten;

namespace EGov.Dossiers;

/// <summary>The dossier part of the Marten store: the inline read model, its indexes, the code counters.</summary>
public static class DossiersMarten
{
    public static void AddDossiers(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add(new DossierProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<DossierState>()
            .UniqueIndex(x => x.Code)
            .Duplicate(x => x.Unit)
            .Duplicate(x => x.Status)
            // One (unit, due) index answers "which dossiers of unit X fall due between A and B" and the deadline lists.
            .Duplicate(x => x.DueAt, configure: index => index.Columns = ["unit", "due_at"])
            .Duplicate(x => x.IsOpen)
            .Index(x => x.Applicant.IdNumber);
        options.Schema.For<Forms.DossierForm>().Duplicate(x => x.DossierId);
        options.Schema.For<Deadlines.Notification>().Duplicate(x => x.Unit).Duplicate(x => x.CreatedAt);
        options.Schema.For<Deadlines.StoredCalendarYear>();
        options.AddDossierCodeCounters();
    }
}
