using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace EGov.Benchmarks;

/// <summary>
/// The first request of every endpoint of a freshly started host, as the first citizen after a deployment meets
/// it: run-time code generation, JIT and first database statements are all paid here. Endpoints come from the
/// host's own OpenAPI document; route values are filled with a real dossier (created first, itself the first
/// intake) and a token holding every role; POST/PUT/PATCH send <c>{}</c>. Only the latency counts, not the status,
/// and each endpoint is asked once. Must run before any other traffic.
/// </summary>
public static class StartupProbe
{
    public const double SlowMs = 100;

    public static async Task<StartupResult> RunAsync(HttpClient http, TimeSpan readyAfter, int hostPid, CancellationToken cancellationToken)
    {
        var firsts = new List<FirstRequest>();
        async Task<(int Status, string Body)> TimedAsync(string method, string route, string path, string? token, string? body)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            if (body is not null)
            {
                request.Content = HostApi.Json(body);
            }

            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                firsts.Add(new FirstRequest(method, route, (int)response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
                return ((int)response.StatusCode, text);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                firsts.Add(new FirstRequest(method, route, 0, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
                return (0, string.Empty);
            }
        }

        var (_, tokenBody) = await TimedAsync("POST", "/api/v1/dev/tokens", "/api/v1/dev/tokens", null,
            """{"subject":"probe","roles":["desk-officer","specialist","leader","admin"],"unit":"STP"}""");
        const string everyRole = """{"subject":"probe","roles":["desk-officer","specialist","leader","admin"],"unit":"STP"}""";
        // A first request that timed out still counts (its latency is recorded); the token is then asked for again.
        var token = AccessToken(tokenBody) ?? await HostApi.MintTokenAsync(http, everyRole, cancellationToken);
        var (_, created) = await TimedAsync("POST", "/api/v1/dossiers", "/api/v1/dossiers", token,
            """{"procedureCode":"TP-LLTP-01","channel":"Desk","applicant":{"idNumber":"079123456789","fullName":"Nguyễn Văn A","phone":"0912345678"}}""");
        string id = Guid.Empty.ToString(), code = "H10.22-000000-0001";
        if (Parse(created) is { ValueKind: JsonValueKind.Object } dossier)
        {
            id = dossier.TryGetProperty("id", out var i) ? i.GetString() ?? id : id;
            code = dossier.TryGetProperty("code", out var c) ? c.GetString() ?? code : code;
        }

        var (_, openApi) = await TimedAsync("GET", "/openapi/v1.json", "/openapi/v1.json", null, null);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = id, ["dossierId"] = id, ["code"] = code, ["action"] = "complete-step", ["unit"] = "STP",
            ["year"] = DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture), ["procedureCode"] = "TP-LLTP-01",
        };
        foreach (var (method, route) in Endpoints(openApi))
        {
            if (firsts.Any(f => f.Method == method && f.Route == route))
            {
                continue;
            }

            await TimedAsync(method, route, Fill(route, values), token, method is "POST" or "PUT" or "PATCH" ? "{}" : null);
        }

        return new StartupResult(readyAfter, firsts, RssSampler.Read(hostPid) ?? 0);
    }

    private static string? AccessToken(string body) =>
        Parse(body) is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("accessToken", out var t) ? t.GetString() : null;

    /// <summary>The root of a JSON body, or null for an empty or broken one (a timed-out first request).</summary>
    private static JsonElement? Parse(string body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every (method, route template) of an OpenAPI document, in document order.</summary>
    public static IReadOnlyList<(string Method, string Route)> Endpoints(string openApiJson)
    {
        if (string.IsNullOrWhiteSpace(openApiJson))
        {
            return [];
        }

        using var doc = JsonDocument.Parse(openApiJson);
        if (!doc.RootElement.TryGetProperty("paths", out var paths))
        {
            return [];
        }

        var list = new List<(string, string)>();
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is "get" or "post" or "put" or "patch" or "delete")
                {
                    list.Add((operation.Name.ToUpperInvariant(), path.Name));
                }
            }
        }

        return list;
    }

    /// <summary>Replaces each <c>{name}</c> (or <c>{name:constraint}</c>) by its value, or by "1" when unknown.</summary>
    public static string Fill(string route, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(values);
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < route.Length)
        {
            var open = route.IndexOf('{', i);
            if (open < 0)
            {
                result.Append(route, i, route.Length - i);
                break;
            }

            var close = route.IndexOf('}', open);
            result.Append(route, i, open - i);
            var name = route[(open + 1)..close].Split(':', '?', '=')[0].TrimStart('*');
            result.Append(Uri.EscapeDataString(values.TryGetValue(name, out var value) ? value : "1"));
            i = close + 1;
        }

        return result.ToString();
    }
}

/// <summary>One endpoint's first request: its route template, the status it answered and how long it took.</summary>
public sealed record FirstRequest(string Method, string Route, int Status, double Ms);

/// <summary>Time to ready, the first request of each endpoint, and the host's resident memory right after.</summary>
public sealed record StartupResult(TimeSpan ReadyAfter, IReadOnlyList<FirstRequest> FirstRequests, long RssBytes)
{
    public int Slow => FirstRequests.Count(f => f.Ms > StartupProbe.SlowMs);

    public double SlowestMs => FirstRequests.Count == 0 ? double.NaN : FirstRequests.Max(f => f.Ms);
}
