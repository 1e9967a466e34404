namespace EGov.Documents.Model;

/// <summary>
/// The owner's permission for one unit to read one document, for a stated purpose, until an instant. Kept after
/// revocation or expiry (a record of what was allowed when), so each grant is its own Marten document and never
/// shares a row with the document it is about.
/// </summary>
public sealed class DocumentGrant
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public string OwnerIdNumber { get; set; } = string.Empty;
    public string Unit { get; set; } = string.Empty;
    public string Purpose { get; set; } = string.Empty;
    public DateTimeOffset Until { get; set; }
    public DateTimeOffset GrantedAt { get; set; }
    public string GrantedBy { get; set; } = string.Empty;
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && Until > now;
}
