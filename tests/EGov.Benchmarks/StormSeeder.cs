extern alias egovhost;

using System.Globalization;
using EGov.Catalog;
using EGov.Dossiers.Deadlines;
using EGov.Dossiers.Events;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Hosting;
using EGov.Kernel;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Marten.Publishing;
using Wolverine.Runtime;
using HostProgram = egovhost::Program;

namespace EGov.Benchmarks;

/// <summary>
/// Writes synthetic open dossiers the way the grain does — events with the inline read model, and the deadline
/// alarms <see cref="DeadlineAlarms.Plan"/> calls for (one per deadline), scheduled through Wolverine's outbox in the
/// same transaction — using the host's own Marten store and Wolverine runtime booted in this process. Its durability
/// agent polls once an hour, so nothing fires while seeding; the measured host runs afterwards in its own process.
/// Every dossier is on its last step ("sign") with the step due when the dossier is, minutes ahead: its one deadline
/// gets its overdue alarm only (the due-soon lead has run already), and recording that warning schedules nothing.
/// </summary>
public sealed class StormSeeder : IAsyncDisposable
{
    private static readonly string[] Procedures = ["TP-LLTP-01", "TP-HT-KH-01"];
    private readonly WebApplicationFactory<HostProgram> _factory;
    private readonly IDocumentStore _store;
    private readonly OutboxedSessionFactory _outbox;
    private readonly IWolverineRuntime _runtime;
    private readonly CalendarDeadlines _deadlines;
    private readonly DossierPlan[] _plans;
    private readonly string[] _agencies;

    private StormSeeder(WebApplicationFactory<HostProgram> factory)
    {
        _factory = factory;
        var services = factory.Services;
        _store = services.GetRequiredService<IDocumentStore>();
        _outbox = services.GetRequiredService<OutboxedSessionFactory>();
        _runtime = services.GetRequiredService<IWolverineRuntime>();
        _deadlines = services.GetRequiredService<CalendarDeadlines>();
        var catalog = services.GetRequiredService<ProcedureCatalog>();
        _plans = [.. Procedures.Select(code => DossierPlan.From(catalog.FindProcedure(code)!))];
        _agencies = [.. _plans.Select(p => catalog.FindUnit(p.Unit)!.Definition.AgencyId)];
    }

    public long AlarmsScheduled { get; private set; }

    public static StormSeeder Start(string connectionString) => new(Boot(connectionString));

    /// <summary>The host booted in this process on <paramref name="connectionString"/>, with <paramref name="configure"/>'s settings on top.</summary>
    public static WebApplicationFactory<HostProgram> Boot(string connectionString, Action<IWebHostBuilder>? configure = null)
    {
        // WebApplicationFactory looks for the host's content root by this name when no test manifest points to it.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EGOV_HOST", Path.Combine(LoadTest.RepositoryRoot(), "host", "EGov.Host"));
        return new WebApplicationFactory<HostProgram>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("ConnectionStrings:egov", connectionString);
            b.UseSetting("Auth:DevSigningKey", "egov-benchmark-seeding-key-0123456789abcdef0123");
            b.UseSetting("Demo:Seed", "false");
            b.UseSetting("Deadlines:PollMilliseconds", "3600000");
            b.UseSetting("Silo:Port", Loopback.FreeTcpPort().ToString(CultureInfo.InvariantCulture));
            b.UseSetting("Silo:GatewayPort", Loopback.FreeTcpPort().ToString(CultureInfo.InvariantCulture));
            b.UseSetting("Logging:LogLevel:Default", "Warning");
            configure?.Invoke(b);
        });
    }

    /// <summary>Writes dossiers <paramref name="first"/>..first+count-1, the i-th due at <paramref name="dueOf"/>(i).</summary>
    public async Task SeedAsync(int first, int count, int batchSize, Func<int, DateTimeOffset> dueOf, Action<int> progress, CancellationToken cancellationToken)
    {
        for (var start = first; start < first + count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(start + batchSize, first + count);
            var now = DateTimeOffset.UtcNow;
            var bus = new MessageContext(_runtime);
            await using var session = _outbox.OpenSession(bus);
            for (var n = start; n < end; n++)
            {
                var (id, events, state) = Dossier(n, dueOf(n).ToUniversalTime(), now);
                session.Events.StartStream<DossierState>(id, events);
                foreach (var alarm in DeadlineAlarms.Plan(null, state, now, _deadlines.ForUnit(state.Unit)))
                {
                    var delay = alarm.FireAt - now;
                    await bus.ScheduleAsync(alarm, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
                    AlarmsScheduled++;
                }
            }

            await session.SaveChangesAsync(cancellationToken);
            progress(end - first);
        }
    }

    private (Guid Id, IDossierEvent[] Events, DossierState State) Dossier(int n, DateTimeOffset due, DateTimeOffset now)
    {
        var which = n % _plans.Length;
        var plan = _plans[which];
        var id = DeterministicGuid.From(string.Create(CultureInfo.InvariantCulture, $"egov-bench-storm\n{n}"));
        var code = string.Create(CultureInfo.InvariantCulture, $"{_agencies[which]}-BENCH-{n:D7}");
        var applicant = new Applicant(string.Create(CultureInfo.InvariantCulture, $"0{n:D11}"), "Người thử tải", null, null, null);
        var desk = new EventMeta("bench-desk", Roles.DeskOfficer, plan.Unit, null, now);
        var specialist = new EventMeta("bench-specialist", Roles.Specialist, plan.Unit, null, now);
        IDossierEvent[] events =
        [
            new DossierSubmitted(id, code, plan.ProcedureCode, plan.ProcedureName, plan.Unit, Channel.Desk, applicant, [], plan.Steps, plan.Fee, plan.Sla, null, desk),
            new DossierReceived(due, due, desk),
            new StepCompleted(plan.Steps[0].Id, plan.Steps[^1].Id, due, specialist),
        ];
        return (id, events, DossierEvolution.Fold(events)!);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
