using EGov.Architecture.Tests.Support;
using static EGov.Architecture.Tests.Support.PlatformAssemblies;

namespace EGov.Architecture.Tests;

/// <summary>
/// Inside an assembly, namespaces (folders) form no cycle; no area uses another area's <c>Http</c> namespace; and
/// the dossier core's folders depend in one direction: entry points (HTTP, handlers, the milestone relay) → grain → lifecycle, deadlines, forms, intake, lookup →
/// events, model.
/// </summary>
public sealed class NamespaceRulesTests
{
    /// <summary>The dossier core's folders by rank: a folder may use folders of its own or a lower rank only.</summary>
    private static readonly Dictionary<string, int> DossierFolderRanks = new(StringComparer.Ordinal)
    {
        ["EGov.Dossiers"] = 4,
        ["EGov.Dossiers.Http"] = 4,
        ["EGov.Dossiers.Handlers"] = 4,
        ["EGov.Dossiers.Relay"] = 4,
        ["EGov.Dossiers.Grain"] = 3,
        ["EGov.Dossiers.Foresight"] = 2,
        ["EGov.Dossiers.Sweeps"] = 4,
        ["EGov.Dossiers.Lifecycle"] = 2,
        ["EGov.Dossiers.Deadlines"] = 2,
        ["EGov.Dossiers.Forms"] = 2,
        ["EGov.Dossiers.Intake"] = 2,
        ["EGov.Dossiers.Lookup"] = 2,
        ["EGov.Dossiers.Notifications"] = 2,
        ["EGov.Dossiers.Telemetry"] = 2,
        ["EGov.Dossiers.Events"] = 1,
        ["EGov.Dossiers.Model"] = 1,
        ["EGov.Dossiers.Satisfaction"] = 1,
        ["EGov.Dossiers.Officers"] = 1,
    };

    public static TheoryData<string> Assemblies => new([.. SourceNames(), .. ModuleNames().Where(m => m != "EGov.Modules.Sample"), HostName]);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void No_namespace_cycle_inside_an_assembly(string assembly)
    {
        Violations.AssertNone(
            $"{assembly}: namespaces must not depend on each other in a cycle; move the shared type to the namespace its users expect.",
            NamespaceGraph.Read(Referenced(assembly)).CycleViolations());
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void No_area_uses_another_areas_Http_namespace(string assembly)
    {
        Violations.AssertNone(
            $"{assembly}: an area never borrows another area's HTTP code; shared web pieces live in EGov.Web.",
            ForeignHttpUses(NamespaceGraph.Read(Referenced(assembly))));
    }

    [Fact]
    public void Dossier_folders_depend_only_downwards()
    {
        var graph = NamespaceGraph.Read(Referenced("EGov.Dossiers"));
        var unranked = graph.Namespaces.Where(n => n.StartsWith("EGov.Dossiers", StringComparison.Ordinal) && !DossierFolderRanks.ContainsKey(n) && IsDossierNamespace(n));

        Violations.AssertNone(
            "Every folder of EGov.Dossiers has a rank in this test (entry points 4, grain 3, lifecycle/deadlines/forms/intake/lookup/telemetry 2, events/model 1).",
            unranked.Select(n => $"{n} has no rank"));
        Violations.AssertNone(
            "EGov.Dossiers folders may use only folders of the same or a lower rank (entry points → grain → lifecycle/deadlines/forms/intake → events/model).",
            UpwardUses(graph, DossierFolderRanks));
    }

    [Fact]
    public void The_cycle_rule_finds_a_cycle_between_two_namespaces()
    {
        var graph = NamespaceGraph.Read(typeof(NamespaceRulesTests).Assembly);

        Assert.Contains(graph.Cycles(), c => c.SequenceEqual([typeof(Fixtures.CycleA.Left).Namespace!, typeof(Fixtures.CycleB.Right).Namespace!]));
    }

    [Fact]
    public void The_rank_rule_finds_an_upward_use()
    {
        var graph = NamespaceGraph.Read(typeof(NamespaceRulesTests).Assembly);
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [typeof(Fixtures.CycleA.Left).Namespace!] = 1,
            [typeof(Fixtures.CycleB.Right).Namespace!] = 2,
        };

        Assert.Single(UpwardUses(graph, ranks));
    }

    [Fact]
    public void The_Http_rule_finds_a_foreign_Http_use()
    {
        var graph = NamespaceGraph.Read(typeof(NamespaceRulesTests).Assembly);

        Assert.Contains(ForeignHttpUses(graph), v => v.Contains("EGov.Dossiers.Http", StringComparison.Ordinal));
    }

    private static bool IsDossierNamespace(string n) => n == "EGov.Dossiers" || n.StartsWith("EGov.Dossiers.", StringComparison.Ordinal);

    /// <summary>"EGov.Documents.Http" → "Documents"; a module "EGov.Modules.Police.X" → "Modules.Police"; anything else → null.</summary>
    private static string? Area(string ns)
    {
        var parts = ns.Split('.');
        if (parts.Length < 2 || parts[0] != "EGov")
        {
            return null;
        }

        return parts[1] == "Modules" && parts.Length > 2 ? $"Modules.{parts[2]}" : parts[1];
    }

    private static bool IsHttp(string ns) => ns.EndsWith(".Http", StringComparison.Ordinal) || ns.Contains(".Http.", StringComparison.Ordinal);

    private static IEnumerable<string> ForeignHttpUses(NamespaceGraph graph) =>
        graph.Edges
            .Where(e => IsHttp(e.Key.To) && Area(e.Key.To) is { } to && Area(e.Key.From) is { } from && from != to)
            .OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal)
            .Select(e => $"{e.Key.From} → {e.Key.To} ({e.Value})");

    private static IEnumerable<string> UpwardUses(NamespaceGraph graph, IReadOnlyDictionary<string, int> ranks) =>
        graph.Edges
            .Where(e => ranks.TryGetValue(e.Key.From, out var from) && ranks.TryGetValue(e.Key.To, out var to) && to > from)
            .OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal)
            .Select(e => $"{e.Key.From} (rank {ranks[e.Key.From]}) → {e.Key.To} (rank {ranks[e.Key.To]}) ({e.Value})");
}
