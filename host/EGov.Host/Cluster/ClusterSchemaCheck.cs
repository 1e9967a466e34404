using Npgsql;

namespace EGov.Host.Cluster;

/// <summary>
/// Runs just before the silo starts in <c>AdoNet</c> mode: the provider would otherwise fail deep inside the
/// silo's start with "relation orleansquery does not exist" (production applies no schema by itself) or with a
/// list of missing statement keys. In Development and tests Marten's schema step has run by now (its hosted
/// service is registered first), so this only ever stops a production host that was started before
/// <c>db-apply</c>.
/// </summary>
internal sealed class ClusterSchemaCheck(string membershipConnectionString) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(membershipConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var stored = await StoredKeysAsync(connection, cancellationToken).ConfigureAwait(false);
            var missing = MembershipQueries.All.Keys.Except(stored, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The cluster membership schema ({MembershipQueries.Schema}.*) is missing or out of date " +
                    $"(no {string.Join(", ", missing)}): run the host's db-apply command against this database first (docs/cluster.md).");
            }
        }
    }

    /// <summary>The keys present, or none when the table itself is missing (two statements: the second may not parse).</summary>
    private static async Task<string[]> StoredKeysAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var exists = new NpgsqlCommand($"SELECT to_regclass('{MembershipQueries.QueryTable}') IS NOT NULL", connection);
        await using (exists.ConfigureAwait(false))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return [];
            }
        }

        var keys = new NpgsqlCommand($"SELECT coalesce(array_agg(querykey), '{{}}') FROM {MembershipQueries.QueryTable}", connection);
        await using (keys.ConfigureAwait(false))
        {
            return (string[])(await keys.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
