using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EGov.Host.Cluster;

/// <summary>
/// The silo's place in its cluster, read once from <c>Silo:</c> at composition (environment form
/// <c>Silo__Clustering=AdoNet</c> etc.): <c>Clustering</c> (<c>Localhost</c> default, or <c>AdoNet</c>),
/// <c>AdvertisedAddress</c> (the IP other silos dial; required with <c>AdoNet</c>), <c>Port</c> (11111),
/// <c>GatewayPort</c> (30000), <c>ClusterId</c> and <c>ServiceId</c>, and <c>ConnectionString</c> (default
/// <c>ConnectionStrings:egov</c>). A bad value throws here, so the host stops at start saying which setting is
/// wrong, instead of failing on the first grain call.
/// </summary>
internal sealed record SiloSettings(
    ClusteringMode Clustering,
    IPAddress? AdvertisedAddress,
    int Port,
    int GatewayPort,
    string ClusterId,
    string ServiceId,
    string? MembershipConnectionString)
{
    /// <summary>The length of the membership tables' cluster_id column.</summary>
    private const int MaxClusterIdLength = 150;

    public static SiloSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Silo");
        var mode = ReadMode(section["Clustering"]);
        var address = ReadAddress(section["AdvertisedAddress"]);
        if (mode == ClusteringMode.AdoNet && address is null)
        {
            // No guess from the network interfaces: a node that restarts must come back on the same address, or
            // its predecessor is not superseded at once and the others wait for it to be declared dead.
            throw new InvalidOperationException(
                "Silo:AdvertisedAddress is required with Silo:Clustering=AdoNet: the IP address the other silos reach this one at (e.g. 10.0.0.11).");
        }

        var clusterId = ReadId(section, "ClusterId", "egov-dev");
        var serviceId = ReadId(section, "ServiceId", "egov");
        var connectionString = mode == ClusteringMode.AdoNet
            ? MembershipConnection(section["ConnectionString"] ?? configuration.GetConnectionString(Composition.DatabaseSetup.ConnectionStringName))
            : null;
        return new SiloSettings(mode, address, ReadPort(section, "Port", 11111), ReadPort(section, "GatewayPort", 30000), clusterId, serviceId, connectionString);
    }

    private static ClusteringMode ReadMode(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ClusteringMode.Localhost;
        }

        // Names only: Enum.TryParse would also take "1" or "7".
        foreach (var mode in Enum.GetValues<ClusteringMode>())
        {
            if (string.Equals(text.Trim(), mode.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return mode;
            }
        }

        throw new InvalidOperationException(
            $"Silo:Clustering must be {string.Join(" or ", Enum.GetNames<ClusteringMode>())}, not '{text}'.");
    }

    private static IPAddress? ReadAddress(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // IPAddress.TryParse also takes "10" or "10.1" (as 0.0.0.10, 10.0.0.1): require a full IPv4 or an IPv6.
        var trimmed = text.Trim();
        if (!IPAddress.TryParse(trimmed, out var address)
            || (address.AddressFamily == AddressFamily.InterNetwork && trimmed.Count(c => c == '.') != 3))
        {
            throw new InvalidOperationException($"Silo:AdvertisedAddress must be an IP address such as 10.0.0.11, not '{text}'.");
        }

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            throw new InvalidOperationException($"Silo:AdvertisedAddress must be an address other silos can dial, not the wildcard '{text}'.");
        }

        return address;
    }

    private static int ReadPort(IConfigurationSection section, string key, int fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"Silo:{key} must be a TCP port from 1 to 65535, not '{text}'.");
        }

        return port;
    }

    private static string ReadId(IConfigurationSection section, string key, string fallback)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxClusterIdLength)
        {
            throw new InvalidOperationException($"Silo:{key} must be 1 to {MaxClusterIdLength} characters, not '{text}'.");
        }

        return text;
    }

    /// <summary>
    /// The provider's own connections: its statements name <c>OrleansQuery</c> unqualified, so the search path
    /// starts at our schema; UTC so that no timestamp it sends is shifted by the server's time zone; and a name
    /// an operator recognises in <c>pg_stat_activity</c>.
    /// </summary>
    private static string MembershipConnection(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Silo:Clustering=AdoNet needs a database: set ConnectionStrings:egov (or Silo:ConnectionString).");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Silo:ConnectionString is not a PostgreSQL connection string: {e.Message}", e);
        }

        builder.SearchPath = MembershipQueries.Schema;
        builder.Timezone = "UTC";
        builder.ApplicationName = "egov-silo-membership";
        return builder.ConnectionString;
    }
}
