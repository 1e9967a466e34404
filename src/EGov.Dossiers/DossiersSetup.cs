using EGov.Calendar;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Forms;
using EGov.Dossiers.Grain;
using EGov.Dossiers.Http;
using EGov.Dossiers.Intake;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Lookup;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EGov.Dossiers;

/// <summary>Wires the dossier core into the host: its services (calendar, deadlines, intake, writer) and its part of the Marten store.</summary>
public static class DossiersSetup
{
    public static IServiceCollection AddDossiers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var calendar = CalendarSetup.Build(configuration);
        services.AddSingleton(new CalendarProvider(calendar));
        services.AddSingleton(new BusinessTimeZone(calendar.TimeZone));

        // One instance, both the poller and what a re-laying grain asks (docs/deadlines.md, "Several nodes").
        services.AddSingleton<CalendarRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<CalendarRefresher>());
        services.AddSingleton(sp => new CalendarDeadlines(
            sp.GetRequiredService<CalendarProvider>(),
            new WorkDuration(configuration.GetValue("Deadlines:DueSoonWorkingDays", 1), DurationUnit.WorkingDays),
            configuration.GetSection("Calendar:SaturdayUnits").Get<string[]>()?.ToHashSet(StringComparer.Ordinal)));
        services.AddSingleton<IDeadlines>(sp => sp.GetRequiredService<CalendarDeadlines>());
        services.AddSingleton<DossierCodeAllocator>();
        services.AddSingleton<FormContexts>();
        services.AddSingleton<IntakeChecks>();
        var exactTotalUpTo = configuration.GetValue("Lists:ExactTotalUpTo", ListDossiersEndpoint.ExactTotalUpTo);
        services.AddSingleton(new ListLimits(exactTotalUpTo > 0
            ? exactTotalUpTo
            : throw new InvalidOperationException($"Lists:ExactTotalUpTo must be positive, not {exactTotalUpTo}.")));
        services.AddSingleton<DossierWriter>();
        services.AddSingleton<Telemetry.PlatformMetrics>();
        services.AddSingleton<DossierImporter>();

        // Built now, not on first use: a mistake in the Satisfaction section stops the host at start-up with its reason.
        services.AddSingleton(Satisfaction.SatisfactionOptions.Build(configuration));
        services.AddSingleton<DossierOpener>();

        // Citizen e-mail (docs/notifications.md): settings checked now; the sender runs on every node that has it on.
        var mail = Notifications.NotificationOptions.Build(configuration);
        services.AddSingleton(mail);
        if (mail.Enabled && mail.SenderEnabled)
        {
            services.AddHostedService<Notifications.CitizenMailSender>();
        }

        services.AddPublicLookup(configuration);
        services.AddSingleton<Officers.OfficerDirectory>();
        services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, Officers.OfficerRecording>();

        // Foresight (docs/foresight.md): the model, the step history each node keeps in memory, and the risk sweep.
        services.AddOptions<Foresight.ForesightOptions>().Bind(configuration.GetSection(Foresight.ForesightOptions.Section));
        services.AddSingleton<Foresight.IRiskEstimator, Foresight.RiskEstimator>();
        services.AddSingleton<Foresight.StepHistorySnapshot>();
        services.AddSingleton<Foresight.IStepHistory>(sp => sp.GetRequiredService<Foresight.StepHistorySnapshot>());
        services.AddHostedService(sp => sp.GetRequiredService<Foresight.StepHistorySnapshot>());
        services.AddSingleton<Sweeps.RiskSweep>();
        if (configuration.GetSection(Foresight.ForesightOptions.Section).GetValue(nameof(Foresight.ForesightOptions.Enabled), true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<Sweeps.RiskSweep>());
        }

        return services;
    }

    /// <summary>The dossier part of the Marten store: the inline read model, its indexes, the code counters.</summary>
    public static void ConfigureDossiers(this StoreOptions options)
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
        // No DossierForm documents: forms are rendered on read. The table earlier releases filled
        // (mt_doc_dossierform) is left as it is — Marten never drops a table it is not told about.
        options.Schema.For<Notification>().Duplicate(x => x.Unit).Duplicate(x => x.CreatedAt);
        options.Schema.For<StoredCalendarYear>();
        options.Schema.For<Officers.KnownOfficer>().Duplicate(x => x.Unit);

        // Work lists (GET /api/v1/work): the holding unit and the assignee as columns, so "my unit's open work by due
        // instant" is one index range scan however many dossiers the unit holds (issue 18: 10,000 in one unit).
        options.Schema.For<DossierState>()
            .Duplicate(x => x.HoldingUnit)
            .Duplicate(x => x.Assignee);
        options.AddDossierCodeCounters();
        options.Storage.Add(new LookupFeedSchema(options.Advanced.Migrator));
        options.Storage.ExtendedSchemaObjects.Add(Foresight.RiskTable.SchemaObject());
        options.Storage.ExtendedSchemaObjects.Add(Foresight.StepHistoryTable.SchemaObject());
        options.Storage.ExtendedSchemaObjects.Add(Sweeps.RiskSweepState.SchemaObject());
        options.Storage.ExtendedSchemaObjects.Add(Notifications.CitizenMessageTable.SchemaObject());
        options.Projections.Add(new Foresight.StepHistoryProjection(), ProjectionLifecycle.Async, Foresight.StepHistoryProjection.Name,
            async => async.DeleteDataInTableOnTeardown(Foresight.StepHistoryTable.QualifiedName));

        // Known to the store ahead of use, so pre-generated code (TypeLoadMode.Static) includes its handler.
        options.RegisterCompiledQueryType(typeof(DossierByCode));

        // "Which dossiers of unit X fall due between A and B": one range scan instead of intersecting two large
        // indexes (measured in the deadline storm: 395 ms on a million dossiers). Marten's fluent API has no
        // composite index over duplicated columns, so it is added to the document's table definition.
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(DossierState))
            {
                mapping.Indexes.Add(new Weasel.Postgresql.Tables.IndexDefinition("mt_doc_dossierstate_idx_unit_due_at") { Columns = ["unit", "due_at"] });
                mapping.Indexes.Add(new Weasel.Postgresql.Tables.IndexDefinition("mt_doc_dossierstate_idx_holding_unit_due_at") { Columns = ["holding_unit", "due_at"] });
                // The risk sweep's change scan: the dossiers written since its last turn (docs/foresight.md).
                mapping.Indexes.Add(new Weasel.Postgresql.Tables.IndexDefinition("mt_doc_dossierstate_idx_last_modified") { Columns = ["mt_last_modified"] });
            }
        });
    }
}
