using System.Text;
using EGov.Kernel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace EGov.Documents.Upload;

/// <summary>The request is not a readable multipart/form-data upload.</summary>
public sealed class MalformedUploadException(string message) : Exception(message);

/// <summary>
/// A multipart upload read section by section straight off the request body (ASP.NET's form reader would buffer
/// it): text fields into a small dictionary, the single <c>file</c> part into an <see cref="UploadSpool"/>.
/// The file part's name and file name are ignored: only its Content-Type is kept, as the client's declaration.
/// </summary>
public sealed class UploadForm : IAsyncDisposable
{
    public const string FileField = "file";
    private const int MaxFieldChars = 2000;
    private const int MaxFields = 20;

    private UploadForm(Dictionary<string, string> fields, IReadOnlyList<TextViolation> textViolations, UploadSpool? file, string? fileContentType)
    {
        Fields = fields;
        TextViolations = textViolations;
        File = file;
        FileContentType = fileContentType;
    }

    /// <summary>Text fields, each checked against the platform's text policy and normalised to NFC.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>Fields (or field names) the text policy refused; the endpoint answers 400 when there is any.</summary>
    public IReadOnlyList<TextViolation> TextViolations { get; }

    public UploadSpool? File { get; }

    /// <summary>The Content-Type header of the file part, as the client sent it.</summary>
    public string? FileContentType { get; }

    public string? Field(string name) => Fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public static async Task<UploadForm> ReadAsync(HttpRequest request, string spoolFolder, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new MalformedUploadException("Cần gửi multipart/form-data / The request must be multipart/form-data with a boundary.");
        }

        var reader = new MultipartReader(boundary, request.Body);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var violations = new List<TextViolation>();
        UploadSpool? file = null;
        string? fileContentType = null;
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase) || disposition.Name.Value is not { } quotedName)
                {
                    throw new MalformedUploadException("Mỗi phần cần Content-Disposition: form-data / Every part needs Content-Disposition: form-data with a name.");
                }

                var name = HeaderUtilities.RemoveQuotes(quotedName).Value!;
                if (name == FileField)
                {
                    if (file is not null)
                    {
                        throw new MalformedUploadException("Chỉ gửi một tệp / Send exactly one file part.");
                    }

                    fileContentType = section.ContentType;
                    file = await UploadSpool.ReceiveAsync(section.Body, spoolFolder, maxBytes, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    if (fields.Count >= MaxFields)
                    {
                        throw new MalformedUploadException("Quá nhiều trường / Too many form fields.");
                    }

                    var value = await ReadFieldAsync(section.Body, cancellationToken).ConfigureAwait(false);

                    // The same rule as for JSON text (docs/input.md): every field here is single-line.
                    if (TextPolicy.FirstViolation(name, TextKind.SingleLine) is { } badName)
                    {
                        violations.Add(new TextViolation("form", badName));
                        continue;
                    }

                    var check = TextPolicy.Check(value, TextKind.SingleLine);
                    if (!check.Accepted)
                    {
                        violations.Add(new TextViolation(name, check.Problem!));
                        continue;
                    }

                    fields[name] = check.Value!;
                }
            }
        }
        catch
        {
            if (file is not null)
            {
                await file.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new UploadForm(fields, violations, file, fileContentType);
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
        var buffer = new char[MaxFieldChars + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        if (total > MaxFieldChars)
        {
            throw new MalformedUploadException($"Một trường quá dài (tối đa {MaxFieldChars} ký tự) / A form field exceeds {MaxFieldChars} characters.");
        }

        return new string(buffer, 0, total);
    }

    public async ValueTask DisposeAsync()
    {
        if (File is not null)
        {
            await File.DisposeAsync().ConfigureAwait(false);
        }
    }
}
