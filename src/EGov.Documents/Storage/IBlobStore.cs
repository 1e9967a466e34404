using Npgsql;

namespace EGov.Documents.Storage;

/// <summary>
/// Where a document's bytes live. Bytes always move as streams, in and out: no store ever holds a whole file in
/// memory. Writes take part in the PostgreSQL transaction that commits the document's metadata, so an upload is
/// all or nothing: a store inside PostgreSQL writes in that transaction; a store outside it (file system, an
/// S3-compatible bucket) writes before the commit under a key no one else uses and removes the bytes again in
/// <see cref="AbortWriteAsync"/> when the transaction fails.
/// </summary>
public interface IBlobStore
{
    /// <summary>The name recorded with each document (<c>Documents:Store</c>), so a store switch keeps old documents readable.</summary>
    string Name { get; }

    Task WriteAsync(string key, Stream content, NpgsqlTransaction transaction, CancellationToken cancellationToken);

    /// <summary>The transaction that <see cref="WriteAsync"/> took part in did not commit: remove what lives outside it.</summary>
    Task AbortWriteAsync(string key);

    /// <summary>A stream over the bytes, read lazily; null when the key holds nothing.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the bytes as part of the transaction that deletes the metadata.</summary>
    Task DeleteAsync(string key, NpgsqlTransaction transaction, CancellationToken cancellationToken);

    /// <summary>The deleting transaction committed: remove bytes that live outside PostgreSQL.</summary>
    Task PurgeAsync(string key);
}
