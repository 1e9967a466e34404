using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace EGov.Benchmarks;

/// <summary>
/// Closed-loop clients through the load balancer that follow the API's retry rules, as a careful integrator would:
/// an intake is retried with the same Idempotency-Key until it is answered; an action carries expectedVersion and is
/// retried as it is after 502/503/504 or a lost connection, and after 409 stale-version only once a re-read shows
/// it is not applied yet. Each client walks its own dossiers (TP-LLTP-01: complete-step, approve, issue-result,
/// deliver), so a 409 can only come from a retry or a stale grain, never from another client.
/// </summary>
public sealed class ChaosWorkload(HttpClient http, ChaosTokens tokens, ChaosLedger ledger, int seed)
{
    private const int MaxAttempts = 40;
    private static readonly string[] Actions = ["complete-step", "approve", "issue-result", "deliver"];
    private long _sequence;

    /// <summary>Latency of each successful attempt, and of each operation from its first attempt to its answer.</summary>
    public List<LatencyRecorder> Attempts { get; } = [];

    public List<LatencyRecorder> Operations { get; } = [];

    /// <summary>Codes of acknowledged dossiers, for the public lookups.</summary>
    private readonly List<string> _codes = [];
    private readonly Lock _codesGate = new();

    public async Task RunAsync(int clients, CancellationToken stop)
    {
        var loops = new List<Task>();
        for (var c = 0; c < clients; c++)
        {
            var attempts = new LatencyRecorder();
            var operations = new LatencyRecorder();
            Attempts.Add(attempts);
            Operations.Add(operations);
            var random = new Random(seed * 1000 + c);
            loops.Add(Task.Run(() => ClientAsync(random, attempts, operations, stop), CancellationToken.None));
        }

        await Task.WhenAll(loops);
    }

    private async Task ClientAsync(Random random, LatencyRecorder attempts, LatencyRecorder operations, CancellationToken stop)
    {
        var mine = new List<OwnDossier>();
        while (!stop.IsCancellationRequested)
        {
            var roll = random.NextDouble();
            var started = Stopwatch.GetTimestamp();
            string? error;
            try
            {
                if (mine.Count < 3 || roll < 0.3)
                {
                    (error, var created) = await IntakeAsync(attempts, stop);
                    if (created is not null)
                    {
                        mine.Add(created);
                    }
                }
                else if (roll < 0.8)
                {
                    var d = mine[random.Next(mine.Count)];
                    error = await ActAsync(d, attempts, stop);
                    if (d.Version >= 6)
                    {
                        mine.Remove(d); // delivered
                    }
                }
                else
                {
                    error = await LookupAsync(random, attempts, stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }

            if (error is null)
            {
                operations.Success(started);
            }
            else
            {
                operations.Error(started, error);
            }
        }
    }

    private async Task<(string? Error, OwnDossier? Created)> IntakeAsync(LatencyRecorder attempts, CancellationToken stop)
    {
        var n = Interlocked.Increment(ref _sequence);
        var key = string.Create(CultureInfo.InvariantCulture, $"chaos-{seed}-{Guid.NewGuid():N}");
        var idNumber = string.Create(CultureInfo.InvariantCulture, $"{(seed % 90) + 10:D2}{n:D10}");
        var body = $$$"""{"procedureCode":"TP-LLTP-01","channel":"Desk","applicant":{"idNumber":"{{{idNumber}}}","fullName":"Người thử hỗn loạn","phone":"0912345678"}}""";
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = HostApi.Json(body) };
            request.Headers.Authorization = tokens.Desk;
            request.Headers.Add("Idempotency-Key", key);
            var answer = await SendAsync(request, "intake", attempts, stop);
            if (answer.Status is HttpStatusCode.Created or HttpStatusCode.OK && answer.Json is { } json)
            {
                var id = json.GetProperty("id").GetGuid();
                var version = json.GetProperty("version").GetInt64();
                var first = ledger.DossierOfKey.GetOrAdd(key, id);
                if (first != id)
                {
                    ledger.KeysWithTwoDossiers.Enqueue($"{key}: {first} and {id}");
                }

                ledger.Ack(id, version, "intake");
                var code = json.GetProperty("code").GetString()!;
                lock (_codesGate)
                {
                    _codes.Add(code);
                }

                return (null, new OwnDossier(id, Stopwatch.GetTimestamp()) { Version = version });
            }

            if (!answer.Retry)
            {
                return (answer.Kind, null);
            }

            await BackOffAsync(attempt, stop);
        }

        Interlocked.Increment(ref ledger.GaveUp);
        return ("intake gave up", null);
    }

    private async Task<string?> ActAsync(OwnDossier d, LatencyRecorder attempts, CancellationToken stop)
    {
        var expected = d.Version;
        var action = Actions[(int)(expected - 2)];
        var token = action switch
        {
            "complete-step" => tokens.Specialist,
            "approve" => tokens.Leader,
            _ => tokens.Desk,
        };
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/dossiers/{d.Id}/{action}")
            {
                Content = HostApi.Json(string.Create(CultureInfo.InvariantCulture, $$"""{"expectedVersion":{{expected}}}""")),
            };
            request.Headers.Authorization = token;
            var answer = await SendAsync(request, action, attempts, stop);
            ledger.GrainAttempts.Enqueue(new GrainAttempt(d.Id, d.AckedAt, Stopwatch.GetTimestamp(), answer.Status == HttpStatusCode.OK));
            if (answer.Status == HttpStatusCode.OK && answer.Json is { } json)
            {
                d.Version = json.GetProperty("version").GetInt64();
                ledger.Ack(d.Id, d.Version, action);
                return null;
            }

            if (answer.Status is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity)
            {
                // Stale version or not allowed now: re-read. Moved past what we expected means our earlier attempt
                // committed and its answer was lost; otherwise the action is not applied yet and is sent again.
                var current = await ReadVersionAsync(d, attempts, stop);
                if (current is null)
                {
                    Interlocked.Increment(ref ledger.GaveUp);
                    return $"{action} re-read gave up";
                }

                if (current > expected)
                {
                    d.Version = current.Value;
                    Interlocked.Increment(ref ledger.AppliedWithoutAnswer);
                    return null;
                }
            }
            else if (!answer.Retry)
            {
                return answer.Kind;
            }

            await BackOffAsync(attempt, stop);
        }

        Interlocked.Increment(ref ledger.GaveUp);
        return $"{action} gave up";
    }

    private async Task<long?> ReadVersionAsync(OwnDossier d, LatencyRecorder attempts, CancellationToken stop)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/dossiers/{d.Id}");
            request.Headers.Authorization = tokens.Desk;
            var answer = await SendAsync(request, "read", attempts, stop);
            if (answer.Status == HttpStatusCode.OK && answer.Json is { } json)
            {
                return json.GetProperty("version").GetInt64();
            }

            await BackOffAsync(attempt, stop);
        }

        return null;
    }

    private async Task<string?> LookupAsync(Random random, LatencyRecorder attempts, CancellationToken stop)
    {
        string code;
        lock (_codesGate)
        {
            if (_codes.Count == 0)
            {
                return null;
            }

            code = _codes[random.Next(_codes.Count)];
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/public/dossiers/{Uri.EscapeDataString(code)}");
        var answer = await SendAsync(request, "lookup", attempts, stop);
        return answer.Status == HttpStatusCode.OK ? null : answer.Kind;
    }

    /// <summary>One attempt: its outcome is counted, its latency recorded when it succeeded; the body is parsed when JSON.</summary>
    private async Task<Answer> SendAsync(HttpRequestMessage request, string what, LatencyRecorder attempts, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, stop);
            var text = await response.Content.ReadAsStringAsync(stop);
            JsonElement? json = null;
            string? problemCode = null;
            if (response.Content.Headers.ContentType?.MediaType is { } media && media.Contains("json", StringComparison.Ordinal) && text.Length > 0)
            {
                try
                {
                    using var doc = JsonDocument.Parse(text);
                    json = doc.RootElement.Clone();
                    problemCode = !response.IsSuccessStatusCode && json.Value.ValueKind == JsonValueKind.Object && json.Value.TryGetProperty("code", out var c) ? c.GetString() : null;
                }
                catch (JsonException)
                {
                    // A truncated body from a node that died mid-answer: counted by its status below.
                }
            }

            var status = (int)response.StatusCode;
            var kind = problemCode is null ? $"{what} {status}" : $"{what} {status} {problemCode}";
            ledger.Outcome(kind);
            if (response.IsSuccessStatusCode)
            {
                attempts.Success(started);
            }
            else
            {
                attempts.Error(started, kind);
            }

            var retry = status is 502 or 503 or 504;
            return new Answer(response.StatusCode, json, kind, retry);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or SocketException
                                   || (ex is TaskCanceledException && !stop.IsCancellationRequested))
        {
            var kind = ex switch
            {
                HttpRequestException h => $"{what} {nameof(HttpRequestException)} ({h.HttpRequestError})",
                TaskCanceledException => $"{what} timeout",
                _ => $"{what} {ex.GetType().Name}",
            };
            ledger.Outcome(kind);
            attempts.Error(started, kind);
            return new Answer(null, null, kind, Retry: true);
        }
    }

    /// <summary>Exponential back-off with jitter: 100 ms doubling to 2 s, so a dead node's clients do not hammer the rest.</summary>
    private static Task BackOffAsync(int attempt, CancellationToken stop)
    {
        var ms = Math.Min(2000, 100 * (1 << Math.Min(attempt, 5)));
        return Task.Delay(TimeSpan.FromMilliseconds(ms / 2 + Random.Shared.Next(ms / 2 + 1)), stop);
    }

    private sealed record Answer(HttpStatusCode? Status, JsonElement? Json, string Kind, bool Retry);

    private sealed class OwnDossier(Guid id, long ackedAt)
    {
        public Guid Id { get; } = id;

        public long AckedAt { get; } = ackedAt;

        public long Version { get; set; }
    }
}

/// <summary>The desk officer, specialist and leader of the Department of Justice (STP) the chaos clients act as.</summary>
public sealed record ChaosTokens(AuthenticationHeaderValue Desk, AuthenticationHeaderValue Specialist, AuthenticationHeaderValue Leader, AuthenticationHeaderValue Admin)
{
    public static async Task<ChaosTokens> MintAsync(HttpClient http, CancellationToken ct)
    {
        async Task<AuthenticationHeaderValue> Mint(string subject, string role)
        {
            using var content = HostApi.Json($$"""{"subject":"{{subject}}","roles":["{{role}}"],"unit":"STP"}""");
            using var response = await http.PostAsync(new Uri("/api/v1/dev/tokens", UriKind.Relative), content, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Minting a development token failed ({(int)response.StatusCode}): {body}");
            }

            using var doc = JsonDocument.Parse(body);
            return new AuthenticationHeaderValue("Bearer", doc.RootElement.GetProperty("accessToken").GetString());
        }

        return new ChaosTokens(await Mint("chaos-desk", "desk-officer"), await Mint("chaos-specialist", "specialist"), await Mint("chaos-leader", "leader"),
            await Mint("chaos-admin", "admin"));
    }
}
