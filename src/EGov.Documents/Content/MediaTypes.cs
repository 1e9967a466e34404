namespace EGov.Documents.Content;

/// <summary>The media types the vault accepts and how client declarations map onto them.</summary>
public static class MediaTypes
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Xml = "application/xml";
    public const string Json = "application/json";
    public const string Unknown = "application/octet-stream";

    /// <summary>PDF, JPEG, PNG and (signed) XML / JSON e-documents: what agencies issue and scan.</summary>
    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>(StringComparer.Ordinal) { Pdf, Jpeg, Png, Xml, Json };

    /// <summary>
    /// The canonical form of a client's declared media type, or null when the client declared nothing useful
    /// (no header, or the generic <c>application/octet-stream</c> a browser sends for unknown extensions).
    /// </summary>
    public static string? NormalizeDeclared(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return null;
        }

        var media = declared.Split(';', 2)[0].Trim().ToLowerInvariant();
        return media switch
        {
            "" or Unknown => null,
            "image/jpg" or "image/pjpeg" => Jpeg,
            "application/x-pdf" => Pdf,
            "text/xml" => Xml,
            "text/json" => Json,
            _ when media.EndsWith("+xml", StringComparison.Ordinal) && media != "image/svg+xml" => Xml,
            _ when media.EndsWith("+json", StringComparison.Ordinal) => Json,
            _ => media,
        };
    }

    public static string Extension(string mediaType) => mediaType switch
    {
        Pdf => "pdf",
        Jpeg => "jpg",
        Png => "png",
        Xml => "xml",
        Json => "json",
        _ => "bin",
    };
}
