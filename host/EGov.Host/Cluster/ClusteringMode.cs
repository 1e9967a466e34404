namespace EGov.Host.Cluster;

/// <summary>How the silo finds the other silos of its cluster (<c>Silo:Clustering</c>).</summary>
internal enum ClusteringMode
{
    /// <summary>One silo on loopback, its own cluster: the single-process run (the default).</summary>
    Localhost,

    /// <summary>Orleans' ADO.NET membership provider on the platform's PostgreSQL: any number of hosts, one cluster.</summary>
    AdoNet,
}
