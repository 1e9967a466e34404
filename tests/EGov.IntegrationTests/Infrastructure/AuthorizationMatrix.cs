namespace EGov.IntegrationTests.Infrastructure;

/// <summary>An authorization matrix (endpoint → expected status per caller) as theory rows: one cell a row.</summary>
internal static class AuthorizationMatrix
{
    public static TheoryData<string, string, int> Cells(IReadOnlyDictionary<string, int[]> expected, IReadOnlyList<string> callers)
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (endpoint, statuses) in expected)
        {
            for (var i = 0; i < callers.Count; i++)
            {
                data.Add(endpoint, callers[i], statuses[i]);
            }
        }

        return data;
    }
}
