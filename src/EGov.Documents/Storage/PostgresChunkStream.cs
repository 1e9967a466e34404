using System.Buffers;
using Npgsql;

namespace EGov.Documents.Storage;

/// <summary>
/// A read-only stream over a blob's chunks: one short query per chunk into a pooled buffer, so memory is one
/// chunk per reader whatever the file size.
/// </summary>
internal sealed class PostgresChunkStream(NpgsqlDataSource dataSource, string key) : Stream
{
    private byte[]? _buffer;
    private int _length;
    private int _offset;
    private int _nextSeq;
    private bool _done;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        await LoadNextAsync(cancellationToken).ConfigureAwait(false);
        return !_done;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (_offset >= _length && !_done)
        {
            await LoadNextAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_done && _offset >= _length)
        {
            return 0;
        }

        var n = Math.Min(destination.Length, _length - _offset);
        _buffer.AsMemory(_offset, n).CopyTo(destination);
        _offset += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    private async Task LoadNextAsync(CancellationToken cancellationToken)
    {
        var cmd = dataSource.CreateCommand($"SELECT length(data), data FROM {PostgresBlobStore.Schema}.{PostgresBlobStore.TableName} WHERE blob_key = $1 AND seq = $2");
        await using (cmd.ConfigureAwait(false))
        {
            cmd.Parameters.AddWithValue(key);
            cmd.Parameters.AddWithValue(_nextSeq);
            var reader = await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    _done = true;
                    _length = _offset = 0;
                    return;
                }

                var size = reader.GetInt32(0);
                if (_buffer is null || _buffer.Length < size)
                {
                    ReturnBuffer();
                    _buffer = ArrayPool<byte>.Shared.Rent(size);
                }

                var stream = await reader.GetStreamAsync(1, cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    _length = await PostgresBlobStore.FillAsync(stream, _buffer, size, cancellationToken).ConfigureAwait(false);
                }

                _offset = 0;
                _nextSeq++;
            }
        }
    }

    private void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    protected override void Dispose(bool disposing)
    {
        ReturnBuffer();
        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
