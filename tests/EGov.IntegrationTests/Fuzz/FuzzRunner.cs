namespace EGov.IntegrationTests.Fuzz;

/// <summary>
/// Runs one operation's cases: the baseline as every principal, then the mutations as a principal the baseline
/// worked for (so they reach the handler), as the other such principals and anonymously, as far as the budget goes.
/// </summary>
public sealed class FuzzRunner(FuzzPlatform fuzz)
{
    /// <summary>Who sends the mutations, in order of preference: the first whose baseline succeeds.</summary>
    private static readonly Principal[] Preference =
        [Principal.DeskOfficer, Principal.Specialist, Principal.Leader, Principal.Admin, Principal.Citizen, Principal.Anonymous];

    /// <summary>Who else sends them, in order: the administrator's requests go furthest (no unit narrows them).</summary>
    private static readonly Principal[] Extras =
        [Principal.Admin, Principal.Leader, Principal.Citizen, Principal.Specialist, Principal.DeskOfficer, Principal.Anonymous];

    /// <summary>Generous: a handler that needs longer for one bad request is itself a finding (CPU exhaustion).</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Which principal sent the mutations and what each principal's baseline got: read it when a baseline fails.</summary>
    public string Summary { get; private set; } = "";

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

        Summary = $"baselines: {string.Join(", ", baselines.Select(b => $"{b.Key} {b.Value.Status}"))}; mutations sent as {sender}";

        // Each mutation goes to the principal picked above, then (as the budget allows) to the other principals the
        // baseline worked for, administrators first: a role changes the path a value takes (an administrator's unit
        // filter reaches the database where an officer's is refused first). Headers are read the same way for every
        // role, so only an anonymous copy of them is worth sending. Anonymous copies come last.
        var others = Extras.Where(p => p != sender && baselines[p].Status is >= 200 and < 300).ToList();
        var candidates = new List<(FuzzCase Case, int Priority)>();
        foreach (var mutation in CaseGenerator.Mutations(operation, seeds, sender))
        {
            candidates.Add((mutation, 2 * mutation.Priority));
            if (!mutation.Mutation.StartsWith("header ", StringComparison.Ordinal))
            {
                candidates.AddRange(others.Select((p, k) => (mutation with { Principal = p }, (2 * mutation.Priority) + 1 + (2 * k))));
            }

            if (sender != Principal.Anonymous && !others.Contains(Principal.Anonymous))
            {
                candidates.Add((mutation with { Principal = Principal.Anonymous }, 20));
            }
        }

        var room = fuzz.Allowance.GetValueOrDefault(operation.Key) - baselines.Count;
        foreach (var index in BudgetPlan.Choose(candidates.Select(c => (c.Case.Target, c.Priority)).ToList(), Math.Max(0, room), fuzz.Seed, operation.Key))
        {
            outcomes.Add(await SendAsync(candidates[index].Case, cancellationToken));
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
