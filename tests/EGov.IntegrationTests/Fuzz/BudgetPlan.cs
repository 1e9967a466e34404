namespace EGov.IntegrationTests.Fuzz;

/// <summary>
/// Shares the request budget among operations: each gets an equal share, and what a small operation does not need
/// goes to the larger ones (water-filling), so a GET without parameters never wastes the budget a body needs.
/// </summary>
public static class BudgetPlan
{
    public static IReadOnlyDictionary<string, int> Allocate(IReadOnlyDictionary<string, int> wanted, int budget)
    {
        var allowance = new Dictionary<string, int>();
        var open = wanted.Where(w => w.Value > 0).OrderBy(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).ToList();
        var left = budget;
        for (var i = 0; i < open.Count; i++)
        {
            // Smallest first: an operation that wants less than the fair share of what is left takes only what it wants.
            var share = left / (open.Count - i);
            var take = Math.Min(open[i].Value, Math.Max(share, 1));
            allowance[open[i].Key] = take;
            left = Math.Max(0, left - take);
        }

        foreach (var key in wanted.Keys.Where(k => !allowance.ContainsKey(k)))
        {
            allowance[key] = 0;
        }

        return allowance;
    }

    /// <summary>
    /// Which mutations to send when only <paramref name="take"/> fit: spread over the targets (each field, parameter
    /// and header gets its first mutation before any gets a second), the telling ones of each target first
    /// (priority 0), seeded otherwise, and kept in the generator's order (bodies before paths) so that state changes
    /// happen where the generator put them.
    /// </summary>
    public static IReadOnlyList<int> Choose(IReadOnlyList<(string Target, int Priority)> cases, int take, int seed, string operationKey)
    {
        var targets = cases.Select(c => c.Target).ToList();
        if (take >= targets.Count)
        {
            return Enumerable.Range(0, targets.Count).ToList();
        }

        var random = new Random(seed ^ StableHash(operationKey));
        var groups = Enumerable.Range(0, targets.Count).GroupBy(i => targets[i]).Select(g =>
        {
            var members = g.ToArray();
            random.Shuffle(members);
            return members.OrderBy(i => cases[i].Priority).ToArray(); // a stable sort: the shuffle stays within a priority
        }).ToArray();
        random.Shuffle(groups);

        var chosen = new List<int>();
        for (var round = 0; chosen.Count < take; round++)
        {
            foreach (var group in groups.Where(g => round < g.Length))
            {
                if (chosen.Count == take)
                {
                    break;
                }

                chosen.Add(group[round]);
            }
        }

        chosen.Sort();
        return chosen;
    }

    /// <summary>FNV-1a: string.GetHashCode is randomised per process, and the choice must be the same on every run.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }
}
