namespace EGov.Documents.Model;

/// <summary>What was read: the metadata, the bytes, a listing or a prefill match.</summary>
public static class AccessKinds
{
    public const string Metadata = "metadata";
    public const string Content = "content";
    public const string List = "list";
    public const string Prefill = "prefill";
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
