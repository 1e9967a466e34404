using System.Security.Cryptography;
using EGov.Documents.Content;

namespace EGov.Documents.Upload;

/// <summary>The file was larger than the vault accepts.</summary>
public sealed class UploadTooLargeException(long max) : Exception($"The file exceeds {max} bytes.")
{
    public long Max { get; } = max;
}

/// <summary>
/// The temporary copy of one upload: the request's bytes stream to a randomly named file (never the client's
/// name) while they are counted, hashed (SHA-256) and their head kept for sniffing. The file is deleted when the
/// spool is disposed, whatever happened, so a failed or cancelled upload leaves nothing behind.
/// </summary>
public sealed class UploadSpool : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly byte[] _head = new byte[ContentSniffer.HeadLength];
    private int _headLength;

    private UploadSpool(FileStream file) => _file = file;

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = string.Empty;

    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _headLength);

    public static async Task<UploadSpool> ReceiveAsync(Stream source, string folder, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"upload-{Guid.NewGuid():N}.tmp");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose | FileOptions.SequentialScan);
        var spool = new UploadSpool(file);
        try
        {
            await spool.FillAsync(source, maxBytes, cancellationToken).ConfigureAwait(false);
            return spool;
        }
        catch
        {
            await spool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The spooled bytes from the start; valid until the spool is disposed.</summary>
    public Stream OpenRead()
    {
        _file.Position = 0;
        return new ReadOnlyView(_file);
    }

    private async Task FillAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            Size += read;
            if (Size > maxBytes)
            {
                throw new UploadTooLargeException(maxBytes);
            }

            if (_headLength < _head.Length)
            {
                var n = Math.Min(read, _head.Length - _headLength);
                buffer.AsSpan(0, n).CopyTo(_head.AsSpan(_headLength));
                _headLength += n;
            }

            hash.AppendData(buffer, 0, read);
            await _file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();

    /// <summary>Lets a blob store read the spool without being able to close or move it.</summary>
    private sealed class ReadOnlyView(FileStream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
