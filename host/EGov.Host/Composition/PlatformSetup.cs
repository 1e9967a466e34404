using System.Text.Json.Serialization;
using EGov.Host.Cluster;
using EGov.Host.Environments;
using EGov.Catalog;
using EGov.Documents;
using EGov.Dossiers;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Lifecycle;
using EGov.Host.Dev;
using EGov.Kernel;
using EGov.Host.Admin;
using EGov.Host.Edge;
using EGov.Host.Errors;
using EGov.Host.Health;
using EGov.Host.OpenApi;
using EGov.Host.Web;
using EGov.Modules.Agriculture;
using EGov.Modules.Construction;
using EGov.Modules.Finance;
using EGov.Modules.Justice;
using EGov.Modules.Police;
using EGov.Modules.SocialInsurance;
using JasperFx;
using EGov.Statistics;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Weasel.Core;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Marten;

namespace EGov.Host.Composition;

/// <summary>The composition root: every piece of the platform wired in one readable place.</summary>
internal static class PlatformSetup
{
    /// <summary>Modules the host is built with; more can be dropped into the plug-in folder.</summary>
    private static readonly Type[] BuiltInModules =
        [typeof(JusticeModule), typeof(FinanceModule), typeof(ConstructionModule), typeof(AgricultureModule), typeof(PoliceModule), typeof(SocialInsuranceModule)];

    public static void AddEGovPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var isDev = builder.Environment.IsDevelopmentOrTesting();

        builder.AddEGovLogging();

        // First of all hosted services: outside Development nothing may read a database that lacks the schema.
        if (!isDev)
        {
            services.AddHostedService<SchemaCheck>();
        }

        using var bootLoggerFactory = LoggerFactory.Create(l => l.AddConsole());
        var modules = ModuleLoader.Load(configuration, BuiltInModules, bootLoggerFactory.CreateLogger("EGov.Modules"));
        services.AddCatalog(modules);
        foreach (var module in modules)
        {
            module.Module.ConfigureServices(services, configuration);
        }

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(PlatformClock.Real);

        // One line per area: each area's <Area>Setup.cs says what it registers.
        var statisticsZone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Calendar:TimeZone"] ?? EGov.Calendar.CalendarOptions.DefaultTimeZoneId);
        services.AddDossiers(configuration);
        services.AddDocuments(configuration);
        services.AddStatistics(statisticsZone);

        var connectionString = configuration.GetConnectionString(DatabaseSetup.ConnectionStringName)!;
        services.AddEGovDataSource(connectionString);
        var marten = services.AddMarten(options =>
            {
                options.DatabaseSchemaName = "egov";
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                options.AutoCreateSchemaObjects = isDev ? AutoCreate.CreateOrUpdate : AutoCreate.None;
                options.ConfigureDossiers();
                options.AddClusterSchema();
                options.ConfigureDocuments();
                options.ConfigureStatistics(statisticsZone);
                foreach (var module in modules)
                {
                    module.Module.ConfigureMarten(options);
                }
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .IntegrateWithWolverine(w => w.MessageStorageSchemaName = "wolverine");

        // The milestones modules hear of are read off the committed events by a subscription (issue 16).
        marten.SubscribeToEventsWithServices<EGov.Dossiers.Relay.MilestoneRelay>(ServiceLifetime.Singleton);

        // The statistics projection and the milestone relay run on one node of the cluster at a time (leader election
        // by an advisory lock); the others stand by and take over if it stops. "Disabled" leaves them to other nodes.
        var daemonMode = configuration.GetValue("Statistics:Daemon", DaemonMode.HotCold);
        if (daemonMode != DaemonMode.Disabled)
        {
            marten.AddAsyncDaemon(daemonMode);
        }
        if (isDev)
        {
            marten.ApplyAllDatabaseChangesOnStartup();
        }

        // After the schema step above: hosted services start in registration order.
        services.AddHostedService<CalendarLoader>();

        builder.Host.UseWolverine(opts =>
        {
            // Under a test runner the entry assembly is the test project: name the host explicitly.
            opts.ApplicationAssembly = typeof(PlatformSetup).Assembly;
            // Pre-generated code for the host as built, Roslyn at run time for any other module set (GeneratedCodeSetup).
            opts.UseRuntimeCompilation();
            GeneratedCodeSetup.Apply(opts.CodeGeneration, configuration, GeneratedCodeSetup.Mode(configuration, modules, BuiltInModules));
            opts.Discovery.IncludeAssembly(typeof(CatalogEndpoints).Assembly);
            opts.Discovery.IncludeAssembly(typeof(DossierState).Assembly);
            opts.Discovery.IncludeAssembly(typeof(DocumentVault).Assembly);
            opts.Discovery.IncludeAssembly(typeof(StatisticsSetup).Assembly);
            foreach (var module in modules)
            {
                opts.Discovery.IncludeAssembly(module.Module.GetType().Assembly);
            }

            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();

            // Deadline alarms are durable scheduled messages: how often the store is polled bounds how late one fires.
            opts.Durability.ScheduledJobPollingTime = TimeSpan.FromMilliseconds(configuration.GetValue("Deadlines:PollMilliseconds", 1000));
            opts.Durability.ScheduledJobFirstExecution = TimeSpan.FromSeconds(1);

            // Wolverine's default of 100 per poll cannot keep up with a morning after a holiday (issue 4: 100,000 in 10 minutes).
            opts.Durability.RecoveryBatchSize = configuration.GetValue("Deadlines:ScheduledBatchSize", 2000);

            // A handler that fails (a grain moving between activations, a lost connection) is retried, then
            // rescheduled from the durable inbox, so no alarm or hand-over ends in the dead letters for a blip.
            // The first rescheduled tries come close together: a silo that died holding the grain is declared dead
            // within seconds (docs/cluster.md), and the chaos benchmark saw alarms wait 2 min behind a 5 s + 30 s
            // + 2 min ladder; the ladder now reaches 2 min only after about a minute of failures.
            opts.OnAnyException()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1))
                .Then.ScheduleRetry(
                    TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15),
                    TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2));

            // Alarms spend their time waiting on PostgreSQL (read the stream, commit the warning): run many at once.
            opts.LocalQueueFor<DeadlineAlarm>().MaximumParallelMessages(configuration.GetValue("Deadlines:Parallelism", 32));

            // The inbox metrics sample counts every stored message every 5 s: with millions of scheduled alarms that
            // is seconds of database time per sample (measured in the deadline storm), so it is opt-in.
            opts.Durability.DurabilityMetricsEnabled = configuration.GetValue("Wolverine:DurabilityMetrics", false);

            // A node that dies holding claimed messages (alarms, hand-overs) keeps them until the others see its heartbeat go
            // stale and release them. Wolverine's defaults make that about 75 s; a heartbeat every 5 s and staleness after 20 s
            // bound it to about 30 s (docs/cluster.md) and still leave four missed beats before a slow node is declared gone.
            var heartbeat = TimeSpan.FromSeconds(configuration.GetValue("Wolverine:HealthCheckSeconds", 5.0));
            opts.Durability.HealthCheckPollingTime = heartbeat;
            opts.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(configuration.GetValue("Wolverine:StaleNodeSeconds", 20.0));
            opts.Durability.NodeReassignmentPollingTime = heartbeat;
        });
        services.AddWolverineHttp();

        var silo = builder.AddEGovSilo();
        builder.AddEGovDashboard();
        builder.AddEGovShutdown(silo.Clustering);
        builder.AddEGovAuth();
        builder.AddEGovRateLimits();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCodes.Complete);
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddEGovOpenApi();
        services.AddEGovApiDocs();
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"])
            .AddCheck<ModulesHealthCheck>("modules", tags: ["ready"])
            .AddCheck<ShutdownDrain>("draining", tags: ["ready"]);
        builder.AddEGovTelemetry();
        services.AddHostedService<DemoSeeder>();
    }

    public static void UseEGovPlatform(this WebApplication app)
    {
        app.UseNodeHeader();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBodySizeLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        // After authorization (strangers cost no body read), before every endpoint: the text policy (docs/input.md).
        app.UseEdgeInput();

        app.MapEGovApiDocs();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportJson.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportJson.WriteAsync }).AllowAnonymous();
        app.MapWolverineEndpoints(o =>
        {
            o.RequireAuthorizeOnAll();
            o.RejectUnparseableQueryValues = true;
            o.RejectUnparseableHeaderValues = true;
        });
        foreach (var module in app.Services.GetRequiredService<IReadOnlyList<LoadedModule>>())
        {
            module.Module.MapEndpoints(app);
        }

        app.MapEGovPages();
        app.MapEGovDashboard();
        app.MapEGovMetrics();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(", ", app.Urls);
            app.Logger.LogInformation("EGovPlatform is up at {Urls} — API reference {Scalar}, readiness {Ready}", urls, "/scalar", "/health/ready");
        });
    }

}
