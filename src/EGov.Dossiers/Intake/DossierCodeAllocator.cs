using System.Collections.Concurrent;
using EGov.Kernel;
using Marten;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace EGov.Dossiers.Intake;

/// <summary>
/// Allocates the daily sequence of dossier codes per agency. The counter row in PostgreSQL (one per agency and day)
/// is the only authority: a node reserves a block of numbers from it with one atomic upsert and hands them out from
/// memory, so codes stay unique across nodes and restarts while a busy intake pays the row's round trip and commit
/// once per block, not once per dossier (issue 16). The block adapts to demand (<see cref="CodeBlocks"/>): one number
/// at a time when intake is quiet, so a quiet day's numbers follow the order of intake with no gaps; up to
/// <see cref="CodeBlocks.MaxSize"/> when blocks run out within a second.
/// <para>What a crash or a stop costs: the unused rest of the node's current block is never issued, so the day's
/// sequence has a gap (at most <see cref="CodeBlocks.MaxSize"/> - 1 numbers per node), never a duplicate. A failed
/// intake also leaves a gap, as before. With several nodes busy at once, numbers are unique but not in the order the
/// dossiers were received across nodes (each node counts through its own block).</para>
/// </summary>
public sealed class DossierCodeAllocator(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const string Schema = "egov";
    public const string TableName = "dossier_code_counters";

    private readonly ConcurrentDictionary<(string Agency, DateOnly Day), CodeBlocks> _days = new();

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
        var key = (agencyId, day);
        if (!_days.TryGetValue(key, out var blocks))
        {
            blocks = _days.GetOrAdd(key, _ => new CodeBlocks());
            ForgetDaysBefore(day.AddDays(-1));
        }

        var value = await blocks.NextAsync(size => ReserveAsync(agencyId, day, size, cancellationToken), time.GetTimestamp, time.TimestampFrequency, cancellationToken);
        return DossierCode.Format(agencyId, day, value);
    }

    /// <summary>Reserves <paramref name="size"/> numbers; returns the last of them (the block is last - size + 1 .. last).</summary>
    private async Task<int> ReserveAsync(string agencyId, DateOnly day, int size, CancellationToken cancellationToken)
    {
        var cmd = dataSource.CreateCommand(
            $"""
             INSERT INTO {Schema}.{TableName} (agency_id, day, last_value) VALUES ($1, $2, $3)
             ON CONFLICT (agency_id, day) DO UPDATE SET last_value = {TableName}.last_value + $3
             RETURNING last_value
             """);
        await using (cmd.ConfigureAwait(false))
        {
            cmd.Parameters.AddWithValue(agencyId);
            cmd.Parameters.AddWithValue(day);
            cmd.Parameters.AddWithValue(size);
            return (int)(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    // Yesterday is kept: an intake decided just before midnight may still ask for yesterday's code.
    private void ForgetDaysBefore(DateOnly oldest)
    {
        foreach (var key in _days.Keys)
        {
            if (key.Day < oldest)
            {
                _days.TryRemove(key, out _);
            }
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
