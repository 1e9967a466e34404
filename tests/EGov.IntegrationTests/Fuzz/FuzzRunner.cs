namespace EGov.IntegrationTests.Fuzz;

/// <summary>
/// Runs one operation's cases: the baseline as every principal, then the mutations as the principal the baseline
/// worked for (so they reach the handler) and, where the operation answers anonymous callers, anonymously too.
/// </summary>
public sealed class FuzzRunner(FuzzPlatform fuzz)
{
    /// <summary>Who sends the mutations, in order of preference: the first whose baseline succeeds.</summary>
    private static readonly Principal[] Preference =
        [Principal.DeskOfficer, Principal.Specialist, Principal.Leader, Principal.Admin, Principal.Citizen, Principal.Anonymous];

    /// <summary>Generous: a handler that needs longer for one bad request is itself a finding (CPU exhaustion).</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    public async Task<IReadOnlyList<FuzzOutcome>> RunAsync(OpenApiOperation operation, CancellationToken cancellationToken)
    {
        var seeds = await fuzz.SeedAsync(operation);
        var outcomes = new List<FuzzOutcome>();
        var baselines = new Dictionary<Principal, FuzzOutcome>();
        foreach (var principal in Enum.GetValues<Principal>())
        {
            var outcome = await SendAsync(CaseGenerator.BaselineFor(operation, seeds, principal), cancellationToken);
            baselines[principal] = outcome;
            outcomes.Add(outcome);
        }

        var sender = Preference.FirstOrDefault(p => baselines[p].Status is >= 200 and < 300, Principal.DeskOfficer);
        if (!baselines.Values.Any(b => b.Status is >= 200 and < 300))
        {
            // No identity gets a working request (an action the seeded state does not allow): the one least refused.
            sender = Preference.FirstOrDefault(p => baselines[p].Status is not (401 or 403 or 404), Principal.DeskOfficer);
        }

        var anonymousToo = sender != Principal.Anonymous && baselines[Principal.Anonymous].Status != 401;
        var mutations = CaseGenerator.Mutations(operation, seeds, sender);
        var room = fuzz.Allowance.GetValueOrDefault(operation.Key) - baselines.Count;
        var chosen = BudgetPlan.Choose(mutations.Count, anonymousToo ? room / 2 : room, fuzz.Seed, operation.Key);
        foreach (var index in chosen)
        {
            var mutation = mutations[index];
            outcomes.Add(await SendAsync(mutation, cancellationToken));
            if (anonymousToo)
            {
                outcomes.Add(await SendAsync(mutation with { Principal = Principal.Anonymous }, cancellationToken));
            }
        }

        return outcomes;
    }

    private async Task<FuzzOutcome> SendAsync(FuzzCase fuzzCase, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var request = fuzzCase.ToRequest();
        try
        {
            // Headers first: a success may be an endless event stream (statistics/stream), whose body is not read.
            using var response = await fuzz.ClientFor(fuzzCase.Principal).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            var body = status >= 400 ? await response.Content.ReadAsStringAsync(timeout.Token) : "";
            return FuzzOutcome.Of(fuzzCase, status, response.Content.Headers.ContentType?.MediaType, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FuzzOutcome.NoAnswer(fuzzCase, $"no answer within {RequestTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return FuzzOutcome.NoAnswer(fuzzCase, $"the request failed: {e.Message}");
        }
    }
}
