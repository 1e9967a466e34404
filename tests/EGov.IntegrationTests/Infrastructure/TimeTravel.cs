using EGov.Kernel;
using Npgsql;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>A business clock that runs at real speed from a chosen instant and can jump forward.</summary>
public sealed class ShiftedTime(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = (start - System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan delta) => Interlocked.Add(ref _offsetTicks, delta.Ticks);
}

/// <summary>
/// Moves a test platform through time: the business clock jumps, and the durable scheduled messages Wolverine
/// keeps in PostgreSQL (which fire by the database's real clock) are brought forward by the same amount, so the
/// real scheduler, the real poller and the real handlers run exactly as they would when that time came.
/// </summary>
public sealed class TimeTravel(DateTimeOffset start)
{
    private readonly ShiftedTime _time = new(start);

    public PlatformClock Clock => new(_time);

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Jumps to <paramref name="instant"/> (forward only).</summary>
    public async Task ToAsync(string connectionString, DateTimeOffset instant)
    {
        var delta = instant - Now;
        if (delta <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Time only moves forward: {instant:O} is not after {Now:O}.", nameof(instant));
        }

        _time.Advance(delta);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var shift = new NpgsqlCommand(
            "update wolverine.wolverine_incoming_envelopes set execution_time = execution_time - @delta where status = 'Scheduled'", connection);
        shift.Parameters.AddWithValue("delta", delta);
        await shift.ExecuteNonQueryAsync();
    }

    /// <summary>How many alarms are waiting in Wolverine's durable store for this dossier.</summary>
    public static async Task<long> ScheduledCountAsync(string connectionString, Guid dossierId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "select count(*) from wolverine.wolverine_incoming_envelopes where status = 'Scheduled' and position(convert_to(@id, 'UTF8') in body) > 0", connection);
        count.Parameters.AddWithValue("id", dossierId.ToString());
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
