using EGov.Architecture.Tests.Support;
using static EGov.Architecture.Tests.Support.PlatformAssemblies;

namespace EGov.Architecture.Tests;

/// <summary>No method in src/ or host/ that nothing calls: neither the platform nor any test (see <see cref="CallGraph"/>).</summary>
public sealed class DeadCodeRulesTests
{
    [Fact]
    public void Every_method_of_src_and_host_is_called_from_somewhere()
    {
        var product = SourceNames().Append(HostName).Select(n => Referenced(n).Location).ToArray();
        var tests = Repository.ProjectFiles("tests").Select(Repository.ProjectName)
            .Select(n => Path.Combine(Repository.Root, "tests", n, "bin", Repository.Configuration, Repository.TargetFramework, n + ".dll"))
            .ToArray();
        var missing = tests.Where(f => !File.Exists(f)).ToArray();
        Assert.True(missing.Length == 0,
            $"Build the whole solution first (dotnet build {Repository.SolutionFile} -c {Repository.Configuration}); missing: {string.Join(", ", missing)}");

        Violations.AssertNone(
            "Methods in src/ or host/ that nothing calls (remove them, or call them):",
            CallGraph.Uncalled(product, [.. product, .. tests, .. ModuleNames().Where(m => m != "EGov.Modules.Sample").Select(m => Referenced(m).Location)]));
    }

    [Fact]
    public void The_dead_code_rule_finds_an_uncalled_method()
    {
        var self = typeof(DeadCodeRulesTests).Assembly.Location;

        Assert.Contains(CallGraph.Uncalled([self], [self]), m => m.Contains(nameof(Fixtures.Uncalled.NobodyCallsThis), StringComparison.Ordinal));
    }
}
