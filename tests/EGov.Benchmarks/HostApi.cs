using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EGov.Benchmarks;

/// <summary>The HTTP side of the load test: one shared client and the few calls the scenarios need.</summary>
public static class HostApi
{
    /// <summary>
    /// One pooled handler for all clients. MaxConnectionsPerServer is at least the client count so that no client
    /// queues behind another for a connection inside the load generator: queueing must happen in the host.
    /// </summary>
    public static HttpClient CreateClient(Uri baseAddress, int clients) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(clients, 1) + 2,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30), // a stuck request becomes a counted "timeout", never a hung run.
        };

    public static Task<string> MintDeskOfficerTokenAsync(HttpClient http, CancellationToken cancellationToken) =>
        MintTokenAsync(http, """{"subject":"desk1","roles":["desk-officer"],"unit":"STP"}""", cancellationToken);

    /// <summary>A development token for the given body (<c>subject</c>, <c>roles</c>, <c>unit</c>, ...).</summary>
    public static async Task<string> MintTokenAsync(HttpClient http, string tokenRequest, CancellationToken cancellationToken)
    {
        using var content = Json(tokenRequest);
        using var response = await http.PostAsync(new Uri("/api/v1/dev/tokens", UriKind.Relative), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Minting a development token failed ({(int)response.StatusCode}): {body}. Is the host running with ASPNETCORE_ENVIRONMENT=Development?");
        }

        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    public static ByteArrayContent Json(string json)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>
    /// Turns an unexpected answer into an error kind for the breakdown and keeps the first body of each kind, so a
    /// report with errors also says what the host answered.
    /// </summary>
    public static async Task<string> ErrorKindAsync(HttpResponseMessage response, ConcurrentDictionary<string, string> samples, CancellationToken cancellationToken)
    {
        var kind = $"HTTP {(int)response.StatusCode}";
        if (!samples.ContainsKey(kind))
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            samples.TryAdd(kind, body.Length > 600 ? body[..600] + "..." : body);
        }

        return kind;
    }
}
