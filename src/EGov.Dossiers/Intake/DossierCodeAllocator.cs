using EGov.Kernel;
using Marten;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace EGov.Dossiers.Intake;

/// <summary>
/// Allocates the daily sequence of dossier codes per unit with one atomic upsert in PostgreSQL, so codes stay
/// unique under concurrency, across silos and across restarts. A failed intake leaves a gap in the sequence,
/// never a duplicate: the sequence is committed on its own, before the dossier's events.
/// </summary>
public sealed class DossierCodeAllocator(NpgsqlDataSource dataSource)
{
    public const string Schema = "egov";
    public const string TableName = "dossier_code_counters";

    public static Table SchemaObject()
    {
        var table = new Table($"{Schema}.{TableName}");
        table.AddColumn<string>("agency_id").AsPrimaryKey();
        table.AddColumn("day", "date").AsPrimaryKey();
        table.AddColumn<int>("last_value").NotNull();
        return table;
    }

    public async Task<string> NextAsync(string agencyId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var cmd = dataSource.CreateCommand(
            $"""
             INSERT INTO {Schema}.{TableName} (agency_id, day, last_value) VALUES ($1, $2, 1)
             ON CONFLICT (agency_id, day) DO UPDATE SET last_value = {TableName}.last_value + 1
             RETURNING last_value
             """);
        await using (cmd.ConfigureAwait(false))
        {
            cmd.Parameters.AddWithValue(agencyId);
            cmd.Parameters.AddWithValue(day);
            var value = (int)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            return DossierCode.Format(agencyId, day, value);
        }
    }
}

/// <summary>Registers the counter table with Marten so that its schema tooling creates and migrates it.</summary>
public static class DossierCodeSchema
{
    public static void AddDossierCodeCounters(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Storage.ExtendedSchemaObjects.Add(DossierCodeAllocator.SchemaObject());
    }
}
