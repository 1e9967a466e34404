using EGov.Architecture.Tests.Support;
using EGov.Dossiers.Events;
using static EGov.Architecture.Tests.Support.PlatformAssemblies;

namespace EGov.Architecture.Tests;

/// <summary>Each rule fails on a known offender and names it, so a green architecture suite means something.</summary>
public sealed class RuleSelfTests
{
    private static readonly EventMeta _meta = new("tester", "admin", null, null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_module_reference_rule_names_the_platform_assembly_a_non_module_references()
    {
        var violations = Rules.ForbiddenPlatformReferences(Referenced(HostName), SdkName, KernelName).ToList();

        Assert.Contains("EGov.Host references EGov.Dossiers", violations);
    }

    [Fact]
    public void The_namespace_dependency_rule_names_the_type_that_uses_a_forbidden_namespace()
    {
        var violations = Rules.TypesDependingOn(Referenced(HostName), ["EGov.Dossiers"]).ToList();

        Assert.Contains("EGov.Host.Composition.PlatformSetup depends on a forbidden namespace", violations);
    }

    [Fact]
    public void The_package_rule_names_the_third_party_assembly()
    {
        var violations = Rules.PackageReferences(Referenced("EGov.Hosting")).ToList();

        Assert.Contains("EGov.Hosting references the package assembly Npgsql", violations);
    }

    [Fact]
    public void The_entry_point_rule_rejects_an_assembly_without_a_module_class()
    {
        var violation = Assert.Single(Rules.ModuleEntryPointViolations(Referenced(SdkName)));

        Assert.Contains("has no public non-abstract class implementing IEGovModule", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_entry_point_rule_rejects_an_assembly_with_two_module_classes_and_names_them()
    {
        var violation = Assert.Single(Rules.ModuleEntryPointViolations(typeof(RuleSelfTests).Assembly));

        Assert.Contains("2 module entry points", violation, StringComparison.Ordinal);
        Assert.Contains(typeof(FirstFakeModule).FullName!, violation, StringComparison.Ordinal);
        Assert.Contains(typeof(SecondFakeModule).FullName!, violation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_event_rule_names_every_broken_property_of_an_event()
    {
        var violations = Rules.DossierEventViolations([typeof(DossierArchiving), typeof(DossierArchived)], new HashSet<string>()).ToList();

        Assert.Equal(
            [
                $"{typeof(DossierArchived).FullName} has no public Meta property of type EventMeta (it is String)",
                $"{typeof(DossierArchiving).FullName} is not sealed",
                $"{typeof(DossierArchiving).FullName} is not a record",
                $"{typeof(DossierArchiving).FullName} is not named as a past-tense fact (ends with 'ed' or is in the allow-list)",
            ],
            violations);
    }

    [Fact]
    public void The_violation_assertion_fails_with_every_offender_in_its_message()
    {
        var failure = Assert.ThrowsAny<Exception>(() => Violations.AssertNone("rule", ["first offender", "second offender"]));

        Assert.Contains("2 violation(s)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("first offender", failure.Message, StringComparison.Ordinal);
        Assert.Contains("second offender", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Breaks three rules: not sealed, not a record, not past tense.</summary>
    public class DossierArchiving : IDossierEvent
    {
        public EventMeta Meta => _meta;
    }

    /// <summary>Breaks one rule: its public Meta is not an <see cref="EventMeta"/>.</summary>
    public sealed record DossierArchived(string Meta) : IDossierEvent
    {
        EventMeta IDossierEvent.Meta => _meta;
    }
}
