using System.Text;

namespace EGov.Documents.Content;

/// <summary>
/// Names the content type of a file from its first bytes (magic numbers), never from what the client says.
/// Recognises the allowed types and a few common refused ones (so the refusal can say what was sent).
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes the sniffer looks at.</summary>
    public const int HeadLength = 1024;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static string Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PdfMagic))
        {
            return MediaTypes.Pdf;
        }

        if (head.StartsWith(PngMagic))
        {
            return MediaTypes.Png;
        }

        if (head.StartsWith(JpegMagic))
        {
            return MediaTypes.Jpeg;
        }

        if (head.StartsWith("GIF8"u8))
        {
            return "image/gif";
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return "application/zip";
        }

        if (head.StartsWith("MZ"u8))
        {
            return "application/x-msdownload";
        }

        if (head.StartsWith("\u007FELF"u8))
        {
            return "application/x-elf";
        }

        return DetectText(head.StartsWith(Utf8Bom) ? head[3..] : head);
    }

    /// <summary>XML and JSON are text: look at the first non-blank character, then at XML's root element.</summary>
    private static string DetectText(ReadOnlySpan<byte> text)
    {
        var start = 0;
        while (start < text.Length && text[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        var body = text[start..];
        if (body.IsEmpty)
        {
            return MediaTypes.Unknown;
        }

        if (body[0] is (byte)'{' or (byte)'[')
        {
            return MediaTypes.Json;
        }

        return body[0] == (byte)'<' ? DetectMarkup(body) : MediaTypes.Unknown;
    }

    /// <summary>
    /// XML unless the root (or the doctype) is HTML or SVG: those carry script and are refused, even inside an
    /// XML declaration.
    /// </summary>
    private static string DetectMarkup(ReadOnlySpan<byte> body)
    {
        var declared = body.StartsWith("<?xml"u8);
        var i = 0;
        while (i < body.Length)
        {
            var lt = body[i..].IndexOf((byte)'<');
            if (lt < 0 || i + lt + 1 >= body.Length)
            {
                break;
            }

            i += lt + 1;
            var next = body[i];
            if (next is (byte)'?' or (byte)'!')
            {
                var word = Lower(body[(i + 1)..], 12);
                if (word.StartsWith("doctype html", StringComparison.Ordinal))
                {
                    return "text/html";
                }

                continue;
            }

            var name = Lower(body[i..], 64);
            var end = name.IndexOfAny([' ', '>', '/', '\t', '\r', '\n']);
            var root = end < 0 ? name : name[..end];
            var local = root.Contains(':', StringComparison.Ordinal) ? root[(root.IndexOf(':', StringComparison.Ordinal) + 1)..] : root;
            return local switch
            {
                "html" => "text/html",
                "svg" => "image/svg+xml",
                _ when local.Length > 0 && (char.IsAsciiLetter(local[0]) || local[0] == '_') => MediaTypes.Xml,
                _ => MediaTypes.Unknown,
            };
        }

        // The prolog is longer than the sniffed head: an XML declaration is still XML.
        return declared ? MediaTypes.Xml : MediaTypes.Unknown;
    }

    private static string Lower(ReadOnlySpan<byte> bytes, int max) =>
        Encoding.ASCII.GetString(bytes[..Math.Min(max, bytes.Length)]).ToLowerInvariant();
}
