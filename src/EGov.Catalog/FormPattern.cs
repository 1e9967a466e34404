using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace EGov.Catalog;

/// <summary>
/// A form field's pattern as the platform runs it: anchored to the whole value and without backtracking, so a
/// module's pattern costs time linear in the (bounded) value whatever the applicant sends (issue 13's rule for
/// every pattern on input). Compiled once per pattern: patterns come from module code, so the cache is bounded.
/// </summary>
public static class FormPattern
{
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    /// <summary>The compiled pattern; throws <see cref="ArgumentException"/> (or <see cref="NotSupportedException"/>
    /// for constructs that need backtracking) when it is not valid.</summary>
    public static Regex Of(string pattern) => Compiled.GetOrAdd(pattern, p =>
        new Regex($"^(?:{p})\\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1)));
}
