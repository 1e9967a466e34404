using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.Cluster;

/// <summary>
/// Issue 15, point 3: every node restarted in turn with SIGTERM while clients keep working, each client following the
/// API's own retry rules (the same Idempotency-Key for an intake, the same expected version for an action, a re-read
/// on 409). No request such a client retries is lost: every dossier it was told exists exists once, with its action.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RollingRestartTests(ClusterFixture fixture)
{
    private const int Clients = 3;

    private NodeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_rolling_restart_of_every_node_under_load_loses_no_request_that_the_client_retries()
    {
        var nodes = Cluster.Nodes;
        var desks = await Task.WhenAll(nodes.Select((n, i) => Cluster.ClientAsync(n, $"desk-r{i}", [Roles.DeskOfficer], "STP")));
        var specialists = await Task.WhenAll(nodes.Select((n, i) => Cluster.ClientAsync(n, $"spec-r{i}", [Roles.Specialist], "STP")));
        var acknowledged = new ConcurrentDictionary<string, Guid>();
        var failures = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();

        var load = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var key = $"rolling-{c}-{i}-{Guid.NewGuid():N}";
                var body = Api.DeskIntake("TP-LLTP-01");
                var intake = await RetryAsync(random, desks, client =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(body) };
                    request.Headers.Add("Idempotency-Key", key);
                    return client.SendAsync(request);
                });
                if (intake is not { StatusCode: HttpStatusCode.Created or HttpStatusCode.OK })
                {
                    failures.Enqueue($"intake {key}: {intake?.StatusCode}");
                    continue;
                }

                var id = (await intake.ReadJsonAsync()).GetProperty("id").GetGuid();
                acknowledged[key] = id;
                var step = await RetryAsync(random, specialists, client => client.PostAsJsonAsync($"/api/v1/dossiers/{id}/complete-step", new { expectedVersion = 2 }));
                if (step?.StatusCode == HttpStatusCode.Conflict)
                {
                    // A retry of an action that had been applied before its answer was lost: read, and see it applied.
                    var read = await RetryAsync(random, specialists, client => client.GetAsync(new Uri($"/api/v1/dossiers/{id}", UriKind.Relative)));
                    if (read is not { StatusCode: HttpStatusCode.OK } || (await read.ReadJsonAsync()).GetProperty("version").GetInt64() < 3)
                    {
                        failures.Enqueue($"complete-step {id}: 409 and not applied");
                    }
                }
                else if (step?.StatusCode != HttpStatusCode.OK)
                {
                    failures.Enqueue($"complete-step {id}: {step?.StatusCode}");
                }
            }
        })).ToList();

        foreach (var node in nodes)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
            node.Terminate();
            Assert.True(await node.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"{node.Name} did not stop after SIGTERM:\n{node.Tail()}");
            Assert.Equal(0, node.ExitCode);
            await node.StartAsync();
            await Cluster.WaitForActiveAsync(3, TimeSpan.FromSeconds(90));
        }

        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.True(acknowledged.Count >= 10, $"Only {acknowledged.Count} intakes went through during the restarts.");

        // Each acknowledged dossier exists once, with the intake and the step: versions 1, 2, 3 and nothing else.
        await using var connection = new Npgsql.NpgsqlConnection(Cluster.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new Npgsql.NpgsqlCommand(
            "select stream_id, array_agg(version order by version) from egov.mt_events where stream_id = any(@ids) group by stream_id", connection);
        cmd.Parameters.AddWithValue("ids", acknowledged.Values.ToArray());
        var streams = new Dictionary<Guid, long[]>();
        await using (var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                streams[reader.GetGuid(0)] = reader.GetFieldValue<long[]>(1);
            }
        }

        Assert.Equal(acknowledged.Count, acknowledged.Values.Distinct().Count());
        foreach (var (key, id) in acknowledged)
        {
            Assert.True(streams.TryGetValue(id, out var versions), $"Acknowledged dossier {id} ({key}) is not in the event store.");
            Assert.Equal(new long[] { 1, 2, 3 }, versions);
        }
    }

    /// <summary>Sends through a random node each try, as a load balancer would, for up to a minute (see <see cref="ClusterRetry"/>).</summary>
    private static async Task<HttpResponseMessage?> RetryAsync(Random random, HttpClient[] clients, Func<HttpClient, Task<HttpResponseMessage>> send) =>
        (await ClusterRetry.UntilAnsweredAsync(() => send(clients[random.Next(clients.Length)]), TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(100))).Response;
}
