namespace EGov.Documents.Model;

/// <summary>What was read: the metadata, the bytes, a listing or a prefill match; or what opened it to others: a desk act, a citation.</summary>
public static class AccessKinds
{
    public const string Metadata = "metadata";
    public const string Content = "content";
    public const string List = "list";
    public const string Prefill = "prefill";

    /// <summary>A desk officer declared the owner's consent (<see cref="DeskConsent"/>): recorded on each of the owner's documents.</summary>
    public const string DeskConsent = "desk-consent";

    /// <summary>A dossier of the owner, opened or moved on by someone else, cited the document (which opens it to its officers).</summary>
    public const string Reuse = "reuse";
}

/// <summary>
/// One read of a document, appended before the answer is sent (Marten document, one row per read). Kept when the
/// document is deleted: the owner's record of who saw their papers outlives the papers.
/// </summary>
public sealed class AccessLogEntry
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public string OwnerIdNumber { get; set; } = string.Empty;
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = string.Empty;
    public string? Unit { get; set; }
    public string Purpose { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
}
