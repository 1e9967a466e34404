using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using static EGov.Architecture.Tests.Support.PlatformAssemblies;

namespace EGov.Architecture.Tests;

/// <summary>
/// Issue 13, point 4: no pattern in the platform may backtrack on what a client sends. Every <see cref="Regex"/> held by
/// a type of src/, modules/ or the host (the <c>[GeneratedRegex]</c> methods and any static field or property) must be
/// built with <see cref="RegexOptions.NonBacktracking"/>, and each one is run on adversarial 1 MiB inputs under a
/// generous bound that a quadratic matcher misses by minutes (the old e-mail pattern took 10 s at 160,000 characters).
/// </summary>
public sealed class RegexRulesTests
{
    private const int OneMiB = 1024 * 1024;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    public static TheoryData<string> Patterns => new(AllPatterns().Select(p => p.Name));

    [Fact]
    public void The_platform_has_patterns_to_check()
    {
        // Guards the discovery below: if it ever found nothing, every other test here would pass vacuously.
        Assert.Contains(AllPatterns(), p => p.Name.Contains("ApplicantValidator.Email", StringComparison.Ordinal));
        Assert.True(AllPatterns().Count >= 7, string.Join(", ", AllPatterns().Select(p => p.Name)));
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Every_pattern_is_non_backtracking(string name)
    {
        var regex = Find(name);

        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking), $"{name} ({regex}) is built with {regex.Options}; add RegexOptions.NonBacktracking.");
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Every_pattern_answers_an_adversarial_megabyte_within_a_second(string name)
    {
        var regex = Find(name);

        // The same pattern and options with a timeout: a backtracking matcher fails here after the bound instead of
        // spinning for minutes; the non-backtracking one is linear and needs milliseconds.
        var timed = new Regex(regex.ToString(), regex.Options, Bound);
        timed.IsMatch("warm-up");
        foreach (var (label, input) in AdversarialInputs())
        {
            var watch = Stopwatch.StartNew();
            try
            {
                timed.IsMatch(input);
            }
            catch (RegexMatchTimeoutException)
            {
                Assert.Fail($"{name} ({regex}) did not answer '{label}' (1 MiB) within {Bound.TotalSeconds} s.");
            }

            Assert.True(watch.Elapsed < Bound, $"{name} took {watch.Elapsed.TotalMilliseconds:F0} ms on '{label}' (1 MiB).");
        }
    }

    /// <summary>Inputs that make classic engines backtrack on the platform's pattern shapes: long runs of what a class
    /// accepts, broken at the very end, around the separators the patterns use (@ . - + and digits).</summary>
    private static IEnumerable<(string Label, string Input)> AdversarialInputs()
    {
        yield return ("a@ + dots + @", "a@" + new string('.', OneMiB) + "@");
        yield return ("a@ + (a.)* + @", "a@" + Repeat("a.", OneMiB / 2) + "@");
        yield return ("digits + x", new string('0', OneMiB) + "x");
        yield return ("+84 + digits + x", "+84" + new string('9', OneMiB) + "x");
        yield return ("letters + dashes", Repeat("A-", OneMiB / 2) + "!");
        yield return ("code-like", "H21.65-" + Repeat("220914-", OneMiB / 7) + "!");
        yield return ("spaces", new string(' ', OneMiB) + "\n");
    }

    private static string Repeat(string unit, int times) => new StringBuilder(unit.Length * times).Insert(0, unit, times).ToString();

    private static Regex Find(string name) => AllPatterns().Single(p => p.Name == name).Regex;

    private static IReadOnlyList<(string Name, Regex Regex)> AllPatterns() => _patterns.Value;

    private static readonly Lazy<IReadOnlyList<(string Name, Regex Regex)>> _patterns = new(Discover);

    private static IReadOnlyList<(string Name, Regex Regex)> Discover()
    {
        const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var assemblies = SourceNames().Select(Referenced)
            .Concat(ModuleNames().Select(Module))
            .Append(Referenced(HostName))
            .Distinct();
        var found = new List<(string, Regex)>();
        foreach (var type in assemblies.SelectMany(Types))
        {
            // Skip the source generator's own helper types: they hold the same instances under other names.
            if (type.Namespace?.StartsWith("System.Text.RegularExpressions", StringComparison.Ordinal) == true)
            {
                continue;
            }

            foreach (var method in type.GetMethods(Static).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.IsSpecialName))
            {
                found.Add(($"{type.FullName}.{method.Name}", (Regex)method.Invoke(null, null)!));
            }

            foreach (var field in type.GetFields(Static).Where(f => f.FieldType == typeof(Regex) && !f.Name.Contains('<', StringComparison.Ordinal)))
            {
                if (field.GetValue(null) is Regex regex)
                {
                    found.Add(($"{type.FullName}.{field.Name}", regex));
                }
            }

            foreach (var property in type.GetProperties(Static).Where(p => p.PropertyType == typeof(Regex) && p.GetIndexParameters().Length == 0))
            {
                if (property.GetValue(null) is Regex regex)
                {
                    found.Add(($"{type.FullName}.{property.Name}", regex));
                }
            }
        }

        return found.DistinctBy(p => p.Item1).OrderBy(p => p.Item1, StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<Type> Types(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
