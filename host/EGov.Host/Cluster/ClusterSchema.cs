using Marten;

namespace EGov.Host.Cluster;

/// <summary>
/// Puts the membership schema into the platform's own: whatever <c>Silo:Clustering</c> says, so that
/// <c>db-apply</c> prepares a database for a cluster before the first multi-node start, and Development and tests
/// get it at start-up like every other table.
/// </summary>
internal static class ClusterSchema
{
    public static void AddClusterSchema(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Storage.ExtendedSchemaObjects.Add(new StoredQueryTable());
        options.Storage.ExtendedSchemaObjects.Add(MembershipTables.Version());
        options.Storage.ExtendedSchemaObjects.Add(MembershipTables.Members());
    }
}
