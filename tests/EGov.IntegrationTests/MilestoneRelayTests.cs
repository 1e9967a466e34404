using System.Collections.Concurrent;
using System.Diagnostics;
using EGov.Dossiers.Relay;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>
/// Issue 16: the milestones modules hear of are read off the committed events by the relay (a Marten subscription on
/// the async daemon), not written as an outbox envelope with every intake. A dossier committed by a node that never
/// delivered its milestone (here a node without the daemon, stopped before any other node ran the relay: the same
/// as a crash between the commit and the delivery) is delivered by the next node that runs the relay, once per event.
/// </summary>
public sealed class MilestoneRelayTests(PlatformFixture platform)
{
    [Fact]
    public async Task Milestones_committed_before_a_crash_are_delivered_once_per_event_by_the_next_node()
    {
        var ct = TestContext.Current.CancellationToken;
        using var deliveries = new Deliveries();
        var names = Enumerable.Range(0, 5).Select(_ => ModuleIntakes.UniqueEnterpriseName()).ToArray();
        var ids = new List<Guid>();
        string connectionString;
        await using (var committing = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Statistics:Daemon"] = "Disabled" }))
        {
            connectionString = committing.ConnectionString;
            var desk = await committing.ClientAsync("desk-relay", [Roles.DeskOfficer], "STC");
            foreach (var name in names)
            {
                var dossier = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TC-DN-01", details: new Dictionary<string, string> { ["enterpriseName"] = name }));
                ids.Add(dossier.GetProperty("id").GetGuid());
            }

            // Committed, not delivered: no node runs the relay, so no name is reserved however long one waits.
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            Assert.Equal(0, await ReservedAsync(connectionString, ids));
            Assert.Equal(0, deliveries.For(ids).Sum(kv => kv.Value));
        }

        await using var next = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["ConnectionStrings:egov"] = connectionString });
        await DeadlineWarningTests.Eventually(async () => await ReservedAsync(connectionString, ids) == ids.Count, seconds: 60);

        // Give a second delivery every chance to happen before counting.
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        var counted = deliveries.For(ids);
        Assert.All(ids, id => Assert.Equal(1, counted.GetValueOrDefault(id)));

        // And the subscription's progress passed them: a restart of the relay does not hear them again.
        Assert.Equal(ids.Count, await ReservedAsync(connectionString, ids));
    }

    private static Task<long> ReservedAsync(string connectionString, IEnumerable<Guid> ids) => Database.CountAsync(connectionString,
        $"select count(*) from egov.mt_doc_enterprisename where data ->> 'dossierId' in ({string.Join(',', ids.Select(i => $"'{i}'"))})");

    /// <summary>Counts the relay's deliveries per dossier from its spans (the same spans OpenTelemetry exports).</summary>
    private sealed class Deliveries : IDisposable
    {
        private readonly ConcurrentDictionary<Guid, int> _counts = new();
        private readonly ActivityListener _listener;

        public Deliveries()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == MilestoneRelay.Source.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = a =>
                {
                    if (a.GetTagItem("egov.dossier_id") is Guid id)
                    {
                        _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public Dictionary<Guid, int> For(IEnumerable<Guid> ids) => ids.ToDictionary(id => id, id => _counts.GetValueOrDefault(id));

        public void Dispose() => _listener.Dispose();
    }
}
