using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace EGov.Benchmarks;

/// <summary>
/// Desk intake through the full stack: JWT validation, Wolverine HTTP, one new Orleans grain per dossier, the code
/// counter upsert, and the Marten transaction (stream, two events, inline read model), all with durable commits.
/// </summary>
public sealed class IntakeScenario(HttpClient http, string accessToken)
{
    private static readonly Uri Path = new("/api/v1/dossiers", UriKind.Relative);
    private readonly AuthenticationHeaderValue _authorization = new("Bearer", accessToken);
    private long _sequence;

    /// <summary>Codes of every dossier created, warm-up included: the lookup phase reads them back.</summary>
    public ConcurrentBag<string> Codes { get; } = [];

    /// <summary>Ids of every dossier created: the lifecycle phase acts on them, their grains still active.</summary>
    public ConcurrentQueue<Guid> Ids { get; } = new();

    public ConcurrentDictionary<string, string> ErrorSamples { get; } = new(StringComparer.Ordinal);

    public async Task<string?> SubmitAsync(int client, CancellationToken cancellationToken)
    {
        // A different applicant every time, so no cache or idempotency path can make intake look cheaper than it is.
        var idNumber = (1_000_000_000L + Interlocked.Increment(ref _sequence)).ToString("D12", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = HostApi.Json(
                $$$"""{"procedureCode":"TP-LLTP-01","channel":"Desk","applicant":{"idNumber":"{{{idNumber}}}","fullName":"Nguyễn Văn A","phone":"0912345678"}}"""),
        };
        request.Headers.Authorization = _authorization;
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return await HostApi.ErrorKindAsync(response, ErrorSamples, cancellationToken);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        if (!doc.RootElement.TryGetProperty("code", out var code) || code.GetString() is not { Length: > 0 } text)
        {
            return "201 without a code";
        }

        Codes.Add(text);
        if (doc.RootElement.TryGetProperty("id", out var id) && id.TryGetGuid(out var guid))
        {
            Ids.Enqueue(guid);
        }

        return null;
    }
}
