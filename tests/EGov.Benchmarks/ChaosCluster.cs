using System.Globalization;
using EGov.Hosting;

namespace EGov.Benchmarks;

/// <summary>
/// The nodes of the chaos run: each keeps its HTTP, silo and gateway ports for its whole life, so a node restarted
/// after a SIGKILL comes back at the address HAProxy and the membership table already know, as a restarted machine would.
/// </summary>
public sealed class ChaosCluster : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _connectionString;
    private readonly Node[] _nodes;

    public ChaosCluster(string root, string connectionString, int nodes, string clusterId)
    {
        _root = root;
        _connectionString = connectionString;
        _nodes = [.. Enumerable.Range(1, nodes).Select(i => new Node(i, Loopback.FreeTcpPort(), Loopback.FreeTcpPort(), Loopback.FreeTcpPort(), clusterId))];
    }

    public IReadOnlyList<int> HttpPorts => [.. _nodes.Select(n => n.HttpPort)];

    /// <summary>Nodes answering ready now (started and not killed since).</summary>
    public IReadOnlyList<int> Running => [.. _nodes.Where(n => n.Host is not null).Select(n => n.Index)];

    public IEnumerable<int> HostPids => _nodes.Where(n => n.Host is not null).Select(n => n.Host!.Id);

    /// <summary>The node whose silo listens on <paramref name="siloPort"/>, or 0.</summary>
    public int NodeOfSiloPort(int siloPort) => _nodes.FirstOrDefault(n => n.SiloPort == siloPort)?.Index ?? 0;

    /// <summary>Starts the node and waits until it is ready; a <see cref="KillAsync"/> meanwhile abandons the start (OperationCanceledException).</summary>
    public Task StartAsync(int index, CancellationToken cancellationToken)
    {
        var node = _nodes[index - 1];
        var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        node.Abandon = abandon;
        node.Start = StartNodeAsync(node, abandon.Token);
        return node.Start;
    }

    private async Task StartNodeAsync(Node node, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await StartProcessAsync(node, cancellationToken);
        }
        finally
        {
            node.Start = null;
        }
    }

    private async Task StartProcessAsync(Node node, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Silo__Clustering"] = "AdoNet",
            ["Silo__AdvertisedAddress"] = "127.0.0.1",
            ["Silo__Port"] = node.SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Silo__GatewayPort"] = node.GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Silo__ClusterId"] = node.ClusterId,
            ["Silo__ServiceId"] = "egov-chaos",
            // Every node must accept the tokens any node minted.
            ["Auth__DevSigningKey"] = "egov-chaos-benchmark-signing-key-0123456789abcdef",
            ["Demo__Seed"] = "false",
        };
        node.Host = await HostProcess.StartAsync(_root, _connectionString, cancellationToken, environment, node.HttpPort);
    }

    /// <summary>SIGKILL: no drain, no goodbye to the membership table, in-flight requests cut; a node still starting is killed too.</summary>
    public async Task KillAsync(int index)
    {
        var node = _nodes[index - 1];
        if (node.Start is { } starting)
        {
            await node.Abandon!.CancelAsync();
            try
            {
                await starting;
            }
            catch (OperationCanceledException)
            {
                // The start was abandoned and its process killed, as asked.
            }
        }

        if (node.Host is { } host)
        {
            node.Host = null;
            host.KillNow();
            await host.DisposeAsync();
        }
    }

    /// <summary>SIGTERM, as an operator stops a node.</summary>
    public async Task StopAsync(int index)
    {
        var node = _nodes[index - 1];
        if (node.Host is { } host)
        {
            node.Host = null;
            await host.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await StopAsync(node.Index);
        }
    }

    /// <summary>Last resort when the load generator exits abruptly.</summary>
    public void KillAllNow()
    {
        foreach (var node in _nodes)
        {
            node.Host?.KillNow();
        }
    }

    private sealed class Node(int index, int httpPort, int siloPort, int gatewayPort, string clusterId)
    {
        public int Index { get; } = index;

        public int HttpPort { get; } = httpPort;

        public int SiloPort { get; } = siloPort;

        public int GatewayPort { get; } = gatewayPort;

        public string ClusterId { get; } = clusterId;

        public HostProcess? Host { get; set; }

        public Task? Start { get; set; }

        public CancellationTokenSource? Abandon { get; set; }
    }
}
