using EGov.Kernel;

namespace EGov.Documents.Model;

/// <summary>
/// A document in the vault (Marten document). Content-addressed per owner: its id is derived from the owner and
/// the SHA-256 of its bytes, so the same bytes uploaded again for the same owner name the same document.
/// The bytes live in a blob store under <see cref="BlobKey"/>; this record never holds them.
/// </summary>
public sealed class VaultDocument
{
    public Guid Id { get; set; }
    public string OwnerIdNumber { get; set; } = string.Empty;
    public OwnerKind OwnerKind { get; set; }
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>A code of the document type catalog, e.g. <c>identity-card</c>.</summary>
    public string Type { get; set; } = string.Empty;
    public string? Issuer { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public long Size { get; set; }

    /// <summary>Detected from the bytes at upload; never the client's claim.</summary>
    public string ContentType { get; set; } = string.Empty;

    /// <summary>The blob store that holds the bytes (see <c>Documents:Store</c>) and the key there.</summary>
    public string Store { get; set; } = string.Empty;
    public string BlobKey { get; set; } = string.Empty;
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = string.Empty;
    public string? UploadedByUnit { get; set; }

    public bool IsExpired(DateOnly today) => ExpiresOn is { } e && e < today;

    public static Guid IdFor(string ownerIdNumber, string sha256) => DeterministicGuid.From($"egov-vault\n{ownerIdNumber}\n{sha256}");
}
