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
            .Duplicate(x => x.DueAt)
            .Duplicate(x => x.IsOpen)
            .Index(x => x.Applicant.IdNumber);
        options.Schema.For<Forms.DossierForm>().Duplicate(x => x.DossierId);
        options.Schema.For<Deadlines.Notification>().Duplicate(x => x.Unit).Duplicate(x => x.CreatedAt);
        options.Schema.For<Deadlines.StoredCalendarYear>();
        options.AddDossierCodeCounters();

        // "Which dossiers of unit X fall due between A and B": one range scan instead of intersecting two large
        // indexes (measured in the deadline storm: 395 ms on a million dossiers). Marten's fluent API has no
        // composite index over duplicated columns, so it is added to the document's table definition.
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(DossierState))
            {
                mapping.Indexes.Add(new Weasel.Postgresql.Tables.IndexDefinition("mt_doc_dossierstate_idx_unit_due_at") { Columns = ["unit", "due_at"] });
            }
        });
    }
}
