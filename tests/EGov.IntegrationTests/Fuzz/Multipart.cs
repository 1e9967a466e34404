using System.Text;

namespace EGov.IntegrationTests.Fuzz;

/// <summary>
/// multipart/form-data written by hand, byte for byte: the fuzz needs parts a well-behaved client library refuses to
/// write (control characters in names, a missing closing boundary).
/// </summary>
public static class Multipart
{
    public const string Boundary = "egov-fuzz-boundary";

    public const string ContentType = "multipart/form-data; boundary=" + Boundary;

    /// <summary>A file part; null <paramref name="PartContentType"/> leaves the part's Content-Type out.</summary>
    public sealed record FilePart(string FileName, string? PartContentType, byte[] Bytes);

    public static byte[] Write(IEnumerable<KeyValuePair<string, string>> fields, FilePart? file, bool close = true)
    {
        using var body = new MemoryStream();
        foreach (var (name, value) in fields)
        {
            Append(body, $"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        if (file is not null)
        {
            Append(body, $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file.FileName}\"\r\n");
            if (file.PartContentType is not null)
            {
                Append(body, $"Content-Type: {file.PartContentType}\r\n");
            }

            Append(body, "\r\n");
            body.Write(file.Bytes);
            Append(body, "\r\n");
        }

        if (close)
        {
            Append(body, $"--{Boundary}--\r\n");
        }

        return body.ToArray();
    }

    /// <summary>A small PDF whose bytes depend only on <paramref name="seed"/>.</summary>
    public static byte[] Pdf(int seed)
    {
        var bytes = new byte[2048];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static void Append(MemoryStream body, string text) => body.Write(Encoding.UTF8.GetBytes(text));
}
