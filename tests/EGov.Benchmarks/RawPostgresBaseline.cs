using System.Collections.Concurrent;
using System.Text;
using EGov.Kernel;
using Npgsql;
using NpgsqlTypes;

namespace EGov.Benchmarks;

/// <summary>
/// The floor under the host: the same rows a desk intake writes, of the same sizes, sent by Npgsql directly with
/// nothing in between (no HTTP, no JWT, no grain, no serializer, no Marten). Like the host it takes the code from
/// an autocommitted counter upsert and then writes stream, two events and the document in one transaction, so the
/// number of durable commits (two per intake) is the same. The read-model table carries the same indexes as
/// Marten's <c>mt_doc_dossierstate</c> (code unique, unit, status, due_at, is_open, applicant id number) and events
/// reference their stream as in <c>mt_events</c>, so index maintenance is not counted as platform overhead.
/// The ratio host/raw is the cost of the platform.
/// </summary>
public sealed class RawPostgresBaseline : IAsyncDisposable
{
    private const string AgencyId = "H10.22";
    private const string Schema =
        """
        CREATE TABLE streams (id uuid PRIMARY KEY, type text NOT NULL, version int NOT NULL, timestamp timestamptz NOT NULL);
        CREATE TABLE events (seq bigserial PRIMARY KEY, id uuid NOT NULL, stream_id uuid NOT NULL REFERENCES streams (id), version int NOT NULL,
                             data jsonb NOT NULL, type text NOT NULL, timestamp timestamptz NOT NULL, UNIQUE (stream_id, version));
        CREATE TABLE doc (id uuid PRIMARY KEY, data jsonb NOT NULL, code text NOT NULL UNIQUE, unit text, status text, due_at timestamptz, is_open boolean);
        CREATE INDEX ON doc (unit);
        CREATE INDEX ON doc (status);
        CREATE INDEX ON doc (due_at);
        CREATE INDEX ON doc (is_open);
        CREATE INDEX ON doc (((data -> 'applicant') ->> 'idNumber'));
        CREATE TABLE counters (agency_id text NOT NULL, day date NOT NULL, last_value int NOT NULL, PRIMARY KEY (agency_id, day));
        """;

    private const string NextCode =
        """
        INSERT INTO counters (agency_id, day, last_value) VALUES ($1, $2, 1)
        ON CONFLICT (agency_id, day) DO UPDATE SET last_value = counters.last_value + 1
        RETURNING last_value
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly PayloadSizes _sizes;

    private RawPostgresBaseline(NpgsqlDataSource dataSource, PayloadSizes sizes)
    {
        _dataSource = dataSource;
        _sizes = sizes;
    }

    public ConcurrentBag<string> Codes { get; } = [];

    public static async Task<RawPostgresBaseline> CreateAsync(string connectionString, int clients, PayloadSizes sizes, CancellationToken cancellationToken)
    {
        // Two connections per client at most (counter and transaction are sequential), plus slack.
        var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = Math.Max(100, clients * 2 + 4) }.ConnectionString);
        var dataSource = builder.Build();
        await using (var cmd = dataSource.CreateCommand(Schema))
        {
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        return new RawPostgresBaseline(dataSource, sizes);
    }

    public async Task<string?> IntakeAsync(int client, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var day = DateOnly.FromDateTime(now.UtcDateTime.AddHours(7)); // the platform's calendar day is Asia/Ho_Chi_Minh (UTC+7).

        // 1. The code: its own autocommitted statement, as in DossierCodeAllocator.
        int sequence;
        await using (var cmd = _dataSource.CreateCommand(NextCode))
        {
            cmd.Parameters.AddWithValue(AgencyId);
            cmd.Parameters.AddWithValue(day);
            sequence = (int)(await cmd.ExecuteScalarAsync(cancellationToken))!;
        }

        var code = DossierCode.Format(AgencyId, day, sequence);
        var id = Guid.CreateVersion7();
        var due = now.AddDays(14);

        // 2. One transaction, statements batched into one round trip as Marten does.
        await using var conn = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(conn, tx)
        {
            BatchCommands =
            {
                Command("INSERT INTO streams (id, type, version, timestamp) VALUES ($1, 'dossier_state', 2, $2)", id, now),
                Command("INSERT INTO events (id, stream_id, version, data, type, timestamp) VALUES ($1, $2, 1, $3, 'dossier_submitted', $4)",
                    Guid.CreateVersion7(), id, Jsonb(Payload(id, code, _sizes.SubmittedBytes)), now),
                Command("INSERT INTO events (id, stream_id, version, data, type, timestamp) VALUES ($1, $2, 2, $3, 'dossier_received', $4)",
                    Guid.CreateVersion7(), id, Jsonb(Payload(id, code, _sizes.ReceivedBytes)), now),
                Command(
                    """
                    INSERT INTO doc (id, data, code, unit, status, due_at, is_open) VALUES ($1, $2, $3, 'STP', 'Received', $4, true)
                    ON CONFLICT (id) DO UPDATE SET data = excluded.data, code = excluded.code, unit = excluded.unit,
                                                   status = excluded.status, due_at = excluded.due_at, is_open = excluded.is_open
                    """,
                    id, Jsonb(Payload(id, code, _sizes.DocumentBytes)), code, due),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        Codes.Add(code);
        return null;
    }

    public async Task<string?> LookupAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        await using var cmd = _dataSource.CreateCommand("SELECT data::text FROM doc WHERE code = $1");
        cmd.Parameters.AddWithValue(codes[Random.Shared.Next(codes.Count)]);
        return await cmd.ExecuteScalarAsync(cancellationToken) is string ? null : "not found";
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static NpgsqlParameter Jsonb(string json) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = json };

    /// <summary>A JSON object of about <paramref name="bytes"/> bytes that starts with the fields a real payload has.</summary>
    private static string Payload(Guid id, string code, int bytes)
    {
        var head = $"{{\"dossierId\":\"{id}\",\"code\":\"{code}\",\"procedureCode\":\"TP-LLTP-01\",\"unit\":\"STP\",\"applicant\":{{\"idNumber\":\"{id.GetHashCode() & 0x7FFFFFFF:D12}\"}},\"pad\":\"";
        var padding = Math.Max(0, bytes - Encoding.UTF8.GetByteCount(head) - 2);
        return string.Concat(head, new string('x', padding), "\"}");
    }
}
