namespace EGov.Documents.Model;

/// <summary>The <c>Documents</c> configuration section.</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>The largest file accepted; a larger one is refused with 413 while it streams in.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Where new uploads go: <c>postgres</c> (default) or <c>filesystem</c>.</summary>
    public string Store { get; set; } = Storage.PostgresBlobStore.StoreName;

    /// <summary>Root folder of the file-system store (required when it is used).</summary>
    public string? FileSystemPath { get; set; }

    /// <summary>Temporary folder uploads stream into before they are committed; default: the system temp folder.</summary>
    public string? SpoolPath { get; set; }

    public int ChunkBytes { get; set; } = Storage.PostgresBlobStore.DefaultChunkBytes;

    /// <summary>The longest an owner's grant may run.</summary>
    public int MaxGrantDays { get; set; } = 366;

    /// <summary>How long a desk officer's declared consent lasts: one visit to the counter, not a standing grant.</summary>
    public int DeskConsentMinutes { get; set; } = 60;
}
