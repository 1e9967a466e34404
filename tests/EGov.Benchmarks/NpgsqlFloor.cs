using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace EGov.Benchmarks;

/// <summary>
/// The physical floor under the host: PostgreSQL alone writing the rows of one intake (stream, two events, read
/// model; <see cref="FloorTemplate"/>) into the real schema, one transaction and one round trip per intake, with
/// nothing in between: each client owns one connection (no pool checkout, no <c>DISCARD ALL</c>), statements are
/// prepared (Npgsql auto-prepare), and the four inserts go out as one batch, which PostgreSQL runs as one implicit
/// transaction committed at its Sync. Every client writes new rows of its own (no counter, no shared row), so the
/// ratio host/floor says how close to the database the platform is. The lookup floor reads a document by code
/// through the same unique index the host's lookup uses.
/// </summary>
public sealed class NpgsqlFloor : IAsyncDisposable
{
    private readonly FloorTemplate _template;
    private readonly NpgsqlConnection[] _connections;
    private readonly string[] _sql;
    private readonly string _lookupSql;
    private readonly long[] _next;
    private readonly string _day = DateTime.UtcNow.ToString("yyMMdd", CultureInfo.InvariantCulture);

    private NpgsqlFloor(FloorTemplate template, NpgsqlConnection[] connections)
    {
        _template = template;
        _connections = connections;
        _next = new long[connections.Length];
        _sql = [.. RowsOf(template).Select(r => InsertSql(r.Table, r.Row, template.EventSequence))];
        _lookupSql = $"SELECT data FROM {template.Document.Name} WHERE {template.CodeExpression} = $1";
    }

    public static async Task<NpgsqlFloor> OpenAsync(string connectionString, FloorTemplate template, int clients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 20, AutoPrepareMinUsages = 2, Pooling = false };
        var connections = new NpgsqlConnection[clients];
        for (var i = 0; i < clients; i++)
        {
            connections[i] = new NpgsqlConnection(builder.ConnectionString);
            await connections[i].OpenAsync(cancellationToken);
        }

        return new NpgsqlFloor(template, connections);
    }

    public async Task<string?> IntakeAsync(int client, CancellationToken cancellationToken)
    {
        var streamId = Guid.CreateVersion7().ToString("D");
        var code = FloorCode(_template.Code.Length, client, ++_next[client]);
        await using var batch = new NpgsqlBatch(_connections[client]);
        var i = 0;
        foreach (var (table, row) in RowsOf(_template))
        {
            var command = new NpgsqlBatchCommand(_sql[i++]);
            for (var c = 0; c < table.Columns.Count; c++)
            {
                if (Value(table, c, row, streamId, code) is { } value)
                {
                    command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Unknown, Value = value });
                }
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        return null;
    }

    public async Task<string?> LookupAsync(int client, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(_lookupSql, _connections[client]);
        cmd.Parameters.AddWithValue(codes[Random.Shared.Next(codes.Count)]);
        return await cmd.ExecuteScalarAsync(cancellationToken) is string ? null : "not found";
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>A code of the template's length that no host code and no other client can have: FL + client + count.</summary>
    public string FloorCode(int length, int client, long n)
    {
        var head = string.Create(CultureInfo.InvariantCulture, $"FL{client:D2}-{_day}-");
        return head + n.ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(4, length - head.Length), '0');
    }

    internal static IEnumerable<(FloorTable Table, IReadOnlyList<string?> Row)> RowsOf(FloorTemplate template) =>
        new[] { template.Streams, template.Events, template.Document }.SelectMany(t => t.Rows.Select(r => (t, r)));

    /// <summary>INSERT with one text parameter per copied column, cast to the column's type; keys and NULLs inline.</summary>
    private static string InsertSql(FloorTable table, IReadOnlyList<string?> row, string sequence)
    {
        var values = new StringBuilder();
        var n = 0;
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            values.Append(c == 0 ? string.Empty : ", ").Append(
                IsSequence(table, column) ? $"nextval('{sequence}')"
                : row[c] is null ? $"NULL::{column.Type}"
                : $"${++n}::{column.Type}");
        }

        return $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) VALUES ({values})";
    }

    private static bool IsSequence(FloorTable table, FloorColumn column) => column.Name == "seq_id" && table.Name.EndsWith("mt_events", StringComparison.Ordinal);

    /// <summary>The text of column <paramref name="c"/> in a copy; null when the SQL has no parameter for it.</summary>
    private string? Value(FloorTable table, int c, IReadOnlyList<string?> row, string streamId, string code)
    {
        var column = table.Columns[c];
        if (IsSequence(table, column) || row[c] is not { } text)
        {
            return null;
        }

        if (column.Name == "id" && table.Name.EndsWith("mt_events", StringComparison.Ordinal))
        {
            return Guid.CreateVersion7().ToString("D");
        }

        return text.Replace(_template.StreamIdText, streamId, StringComparison.OrdinalIgnoreCase).Replace(_template.Code, code, StringComparison.Ordinal);
    }
}
