using System.Net;
using System.Net.Sockets;

namespace EGov.Hosting;

/// <summary>Loopback helpers for processes that must not collide on ports (local PostgreSQL, test silos, benchmarks).</summary>
public static class Loopback
{
    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
