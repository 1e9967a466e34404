using System.Collections.Concurrent;
using System.Net;

namespace EGov.Benchmarks;

/// <summary>
/// The citizen's public lookup by code, anonymous: a Marten LINQ query on the read model's unique code index. Codes
/// are drawn at random from those the intake phase created, so every request hits a real row.
/// </summary>
public sealed class LookupScenario(HttpClient http, IReadOnlyList<string> codes)
{
    public ConcurrentDictionary<string, string> ErrorSamples { get; } = new(StringComparer.Ordinal);

    public async Task<string?> LookupAsync(int client, CancellationToken cancellationToken)
    {
        var code = codes[Random.Shared.Next(codes.Count)];
        using var response = await http.GetAsync(new Uri($"/api/v1/public/dossiers/{Uri.EscapeDataString(code)}", UriKind.Relative),
            HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? null : await HostApi.ErrorKindAsync(response, ErrorSamples, cancellationToken);
    }
}
