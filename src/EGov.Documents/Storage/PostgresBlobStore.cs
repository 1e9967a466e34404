using System.Buffers;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql.Tables;

namespace EGov.Documents.Storage;

/// <summary>
/// Bytes in PostgreSQL, as rows of fixed-size chunks (256 KiB by default): written with binary COPY inside the
/// metadata's transaction, read back one chunk per query so a slow client never pins a pooled connection.
/// </summary>
public sealed class PostgresBlobStore(NpgsqlDataSource dataSource, int chunkBytes) : IBlobStore
{
    public const string StoreName = "postgres";
    public const string Schema = "egov";
    public const string TableName = "document_chunks";
    public const int DefaultChunkBytes = 256 * 1024;

    public string Name => StoreName;

    public static Table SchemaObject()
    {
        var table = new Table($"{Schema}.{TableName}");
        table.AddColumn<string>("blob_key").AsPrimaryKey();
        table.AddColumn<int>("seq").AsPrimaryKey();
        table.AddColumn("data", "bytea").NotNull();
        return table;
    }

    public async Task WriteAsync(string key, Stream content, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(transaction);
        var buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
        try
        {
            var importer = await transaction.Connection!.BeginBinaryImportAsync(
                $"COPY {Schema}.{TableName} (blob_key, seq, data) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
            await using (importer.ConfigureAwait(false))
            {
                var seq = 0;
                int filled;
                while ((filled = await FillAsync(content, buffer, chunkBytes, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(key, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(seq++, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(new ArraySegment<byte>(buffer, 0, filled), NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                }

                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Rows roll back with the transaction: nothing lives outside it.
    public Task AbortWriteAsync(string key) => Task.CompletedTask;

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var stream = new PostgresChunkStream(dataSource, key);
        if (!await stream.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            return null;
        }

        return stream;
    }

    public async Task DeleteAsync(string key, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var cmd = new NpgsqlCommand($"DELETE FROM {Schema}.{TableName} WHERE blob_key = $1", transaction.Connection, transaction);
        await using (cmd.ConfigureAwait(false))
        {
            cmd.Parameters.AddWithValue(key);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task PurgeAsync(string key) => Task.CompletedTask;

    /// <summary>Reads until the buffer is full or the stream ends: every chunk but the last is exactly full.</summary>
    internal static async Task<int> FillAsync(Stream content, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < length && (read = await content.ReadAsync(buffer.AsMemory(filled, length - filled), cancellationToken).ConfigureAwait(false)) > 0)
        {
            filled += read;
        }

        return filled;
    }
}
