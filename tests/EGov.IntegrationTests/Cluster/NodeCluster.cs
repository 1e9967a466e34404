using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EGov.Hosting;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests.Cluster;

/// <summary>
/// Several host processes on one PostgreSQL database forming one Orleans cluster through the ADO.NET membership
/// table (<c>Silo:Clustering=AdoNet</c>), each on its own HTTP, silo and gateway ports. No load balancer: a test
/// picks the node each request goes to, which is what it needs to show that any node serves any dossier.
/// </summary>
public sealed class NodeCluster : IAsyncDisposable
{
    private readonly List<ClusterNode> _nodes;
    private readonly Dictionary<string, string> _environment;

    private NodeCluster(string connectionString, List<ClusterNode> nodes, Dictionary<string, string> environment)
    {
        ConnectionString = connectionString;
        _nodes = nodes;
        _environment = environment;
    }

    public string ConnectionString { get; }

    private string? _adminToken;

    public IReadOnlyList<ClusterNode> Nodes => _nodes;

    public static async Task<NodeCluster> StartAsync(PostgresServer postgres, int count, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var connectionString = await postgres.CreateDatabaseAsync();
        var clusterId = $"test-{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__egov"] = connectionString,
            ["Silo__Clustering"] = "AdoNet",
            ["Silo__AdvertisedAddress"] = "127.0.0.1",
            ["Silo__ClusterId"] = clusterId,
            ["Auth__DevSigningKey"] = TestHost.SigningKey,
            ["Demo__Seed"] = "false",
            ["PublicLookup__PermitLimit"] = "100000",
            ["PublicLookup__MissLimit"] = "100000",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__EGov.Host"] = "Information",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            environment[k] = v;
        }

        var nodes = Enumerable.Range(0, count)
            .Select(i => new ClusterNode($"node-{i}", Loopback.FreeTcpPort(), Loopback.FreeTcpPort(), Loopback.FreeTcpPort(), environment))
            .ToList();
        var cluster = new NodeCluster(connectionString, nodes, environment);
        try
        {
            // The first node applies the schema (Testing creates it on start); the others then join it.
            await nodes[0].StartAsync();
            await Task.WhenAll(nodes.Skip(1).Select(n => n.StartAsync()));
            await cluster.WaitForActiveAsync(count, TimeSpan.FromSeconds(60));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts one more node with the cluster's settings and its own ports; returns once it is ready.</summary>
    public async Task<ClusterNode> AddNodeAsync()
    {
        var node = new ClusterNode($"node-{_nodes.Count}", Loopback.FreeTcpPort(), Loopback.FreeTcpPort(), Loopback.FreeTcpPort(), _environment);
        _nodes.Add(node);
        await node.StartAsync();
        return node;
    }

    /// <summary>A client for <paramref name="node"/> with a freshly minted token (every node validates every node's tokens).</summary>
    public async Task<HttpClient> ClientAsync(ClusterNode node, string subject, string[] roles, string? unit = null, string? citizenId = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var minting = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var response = await minting.PostAsJsonAsync("/api/v1/dev/tokens", new { subject, roles, unit, citizenId });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        return ClientWithToken(node, token);
    }

    private static HttpClient ClientWithToken(ClusterNode node, string token)
    {
        var client = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An administrator's client for <paramref name="node"/>; the token is minted once and serves every node.</summary>
    private async Task<HttpClient> AdminAsync(ClusterNode node)
    {
        if (_adminToken is null)
        {
            var minted = await ClientAsync(node, "cluster-admin", [Roles.Admin]);
            _adminToken = minted.DefaultRequestHeaders.Authorization!.Parameter!;
            return minted;
        }

        return ClientWithToken(node, _adminToken);
    }

    /// <summary>The membership as <paramref name="node"/> reports it: (silo address, status) per member.</summary>
    public async Task<IReadOnlyList<(string Address, string Status)>> MembersAsync(ClusterNode node)
    {
        using var admin = await AdminAsync(node);
        var view = await (await admin.GetAsync(new Uri("/api/v1/admin/cluster", UriKind.Relative))).ReadJsonAsync();
        return view.GetProperty("members").EnumerateArray()
            .Select(m => (m.GetProperty("address").GetString()!, m.GetProperty("status").GetString()!))
            .ToList();
    }

    /// <summary>The node whose silo holds the dossier's grain now, asked of <paramref name="via"/>; null when none does.</summary>
    public async Task<ClusterNode?> PlacementAsync(ClusterNode via, Guid dossierId)
    {
        using var admin = await AdminAsync(via);
        var placement = await (await admin.GetAsync(new Uri($"/api/v1/admin/cluster/dossiers/{dossierId}", UriKind.Relative))).ReadJsonAsync();
        var silo = placement.GetProperty("silo").GetString();
        return silo is null ? null : Nodes.SingleOrDefault(n => silo.StartsWith(n.SiloEndpoint + "@", StringComparison.Ordinal));
    }

    public async Task WaitForActiveAsync(int count, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        string seen = string.Empty;
        while (DateTime.UtcNow < until)
        {
            var running = Nodes.Where(n => n.IsRunning).ToList();
            var views = await Task.WhenAll(running.Select(MembersAsync));
            seen = string.Join(" | ", views.Select(v => string.Join(", ", v.Select(m => $"{m.Address} {m.Status}"))));
            if (views.All(v => v.Count(m => m.Status == "Active") == count))
            {
                return;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The cluster did not show {count} active members within {limit.TotalSeconds:0} s; last seen: {seen}");
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Nodes.Select(n => n.DisposeAsync().AsTask()));
    }
}
