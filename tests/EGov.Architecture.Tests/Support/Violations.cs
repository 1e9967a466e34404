namespace EGov.Architecture.Tests.Support;

internal static class Violations
{
    /// <summary>Fails with the rule and every violation, one per line, so the message names the offenders.</summary>
    public static void AssertNone(string rule, IEnumerable<string> violations)
    {
        var list = violations.ToList();
        if (list.Count > 0)
        {
            Assert.Fail($"{rule}{Environment.NewLine}{list.Count} violation(s):{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", list)}");
        }
    }
}
