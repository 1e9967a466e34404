using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace EGov.Benchmarks;

/// <summary>
/// A lifecycle action on warm grains: dossiers the intake phase just created (their grains still active) move
/// through <c>complete-step</c> (verify → sign, by the specialist) and back with <c>return-step</c> (by the leader of
/// the sign step), over and over, so a two-step procedure never runs out of work. Each client owns its own dossiers
/// (no two clients race for one grain) and cycles through them; every request is one action, one Marten
/// transaction appending one event and updating the read model.
/// </summary>
public sealed class LifecycleScenario
{
    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly Guid[][] _dossiers;
    private readonly bool[][] _onSecondStep;
    private readonly int[] _next;

    public LifecycleScenario(HttpClient http, string accessToken, IReadOnlyList<Guid> ids, int clients)
    {
        _http = http;
        _authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        _dossiers = [.. Enumerable.Range(0, clients).Select(c => ids.Where((_, i) => i % clients == c).ToArray())];
        _onSecondStep = [.. _dossiers.Select(d => new bool[d.Length])];
        _next = new int[clients];
    }

    public ConcurrentDictionary<string, string> ErrorSamples { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts of each action that succeeded; complete-step is the goal's figure.</summary>
    public long CompleteSteps => Interlocked.Read(ref _completeSteps);

    private long _completeSteps;

    public async Task<string?> ActAsync(int client, CancellationToken cancellationToken)
    {
        var mine = _dossiers[client];
        if (mine.Length == 0)
        {
            return "no dossier for this client";
        }

        var slot = _next[client]++ % mine.Length;
        var back = _onSecondStep[client][slot];
        var action = back ? "return-step" : "complete-step";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/dossiers/{mine[slot]}/{action}", UriKind.Relative))
        {
            Content = HostApi.Json("""{"reason":"Benchmark: trả lại bước / returned step"}"""),
        };
        request.Headers.Authorization = _authorization;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return action + " " + await HostApi.ErrorKindAsync(response, ErrorSamples, cancellationToken);
        }

        _onSecondStep[client][slot] = !back;
        if (!back)
        {
            Interlocked.Increment(ref _completeSteps);
        }

        return null;
    }
}
