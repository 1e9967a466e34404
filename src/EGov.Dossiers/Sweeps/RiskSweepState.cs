using Marten;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace EGov.Dossiers.Sweeps;

/// <summary>
/// <c>egov.risk_sweep</c>: the sweep's few instants, shared by every node so that whichever holds the lock next
/// continues where the last one stopped. <c>full</c>: when the last full sweep started; <c>scan</c>: up to when
/// changes have been swept; <c>requested</c>: when a full sweep was last asked for (a calendar change). A request
/// newer than <c>full</c> is pending; it survives a restart and is seen by every node.
/// </summary>
public static class RiskSweepState
{
    public const string QualifiedName = "egov.risk_sweep";
    public const string Full = "full";
    public const string Scan = "scan";
    public const string Requested = "requested";

    public static Table SchemaObject()
    {
        var table = new Table(QualifiedName);
        table.AddColumn<string>("name").AsPrimaryKey();
        table.AddColumn("at", "timestamp with time zone").NotNull();
        return table;
    }

    /// <summary>Asks for a full sweep as soon as a node can run one (the calendar changed).</summary>
    public static async Task RequestFullAsync(IDocumentStore store, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var session = store.LightweightSession();
        session.QueueSqlCommand(
            $"INSERT INTO {QualifiedName} (name, at) VALUES ('{Requested}', ?) ON CONFLICT (name) DO UPDATE SET at = greatest({QualifiedName}.at, excluded.at)",
            at.ToUniversalTime());
        await session.SaveChangesAsync(cancellationToken);
    }

    public static async Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var instants = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand($"SELECT name, at FROM {QualifiedName}", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            instants[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }

        return instants;
    }

    public static async Task MarkAsync(NpgsqlConnection connection, string name, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {QualifiedName} (name, at) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET at = excluded.at", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
