using Npgsql;

namespace EGov.Host.Health;

/// <summary>
/// Outside Development the host never creates its schema (<c>AutoCreate.None</c>). Started on a database nobody ran
/// <c>db-apply</c> on, the first reader (the calendar loader) used to stop the start with
/// <c>42P01: relation "egov.mt_doc_storedcalendaryear" does not exist</c>; this check runs before any of them and stops
/// it with the advice instead, naming what is missing. It checks that the tables exist, not that they match the
/// configuration (that is <c>db-assert</c>): an old node keeps running on a schema a newer <c>db-apply</c> extended.
/// </summary>
internal sealed class SchemaCheck(NpgsqlDataSource dataSource) : IHostedService
{
    /// <summary>The relations a start reads or writes first: the event store, the stored calendar and Wolverine's inbox.</summary>
    public static readonly string[] Required =
        ["egov.mt_events", "egov.mt_streams", "egov.mt_doc_storedcalendaryear", "egov.mt_doc_dossierstate", "wolverine.wolverine_incoming_envelopes"];

    public const string Advice = "run `dotnet EGov.Host.dll db-apply` with this configuration first (docs/operations.md, \"Database schema\")";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // WaitAsync: an Npgsql connection attempt to a server that accepts and never answers does not end when the
        // token is cancelled, only at its connect timeout; SIGTERM during start-up must not wait for it (ShutdownTests).
        var missing = await MissingAsync(dataSource, cancellationToken).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Cơ sở dữ liệu chưa có lược đồ / The database schema is missing ({string.Join(", ", missing)} do not exist): {Advice}.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The <see cref="Required"/> relations that do not exist (also for the health check and the ops commands).</summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var command = dataSource.CreateCommand("select r from unnest(@names) as r where to_regclass(r) is null");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.AddWithValue("names", Required);
            var missing = new List<string>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    missing.Add(reader.GetString(0));
                }
            }

            return missing;
        }
    }
}
