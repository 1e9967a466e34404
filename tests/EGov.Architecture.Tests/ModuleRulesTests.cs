using EGov.Architecture.Tests.Support;
using static EGov.Architecture.Tests.Support.PlatformAssemblies;

namespace EGov.Architecture.Tests;

/// <summary>
/// A department module compiles against the SDK and the kernel only, so that it can be built on its own, dropped
/// into the plug-in folder and never reach into the platform's internals or another module.
/// </summary>
public sealed class ModuleRulesTests
{
    /// <summary>Namespaces of platform assemblies a module must not use (everything but the SDK and the kernel).</summary>
    private static readonly string[] _platformInternals = ["EGov.Dossiers", "EGov.Catalog", "EGov.Calendar", "EGov.Hosting", "EGov.Host"];

    public static TheoryData<string> Modules => new(ModuleNames());

    [Fact]
    public void The_modules_under_test_include_the_built_in_modules_and_the_sample_plug_in()
    {
        var names = ModuleNames();

        Assert.Contains("EGov.Modules.Justice", names);
        Assert.Contains("EGov.Modules.Finance", names);
        Assert.Contains("EGov.Modules.Construction", names);
        Assert.Contains("EGov.Modules.Agriculture", names);
        Assert.Contains("EGov.Modules.Sample", names);
        Assert.DoesNotContain(SdkName, names);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_module_assembly_references_no_platform_assembly_but_the_sdk_and_the_kernel(string module)
    {
        Violations.AssertNone(
            $"{module} may reference only {SdkName} and {KernelName} among EGov assemblies (never another module, the platform or the host).",
            Rules.ForbiddenPlatformReferences(Module(module), SdkName, KernelName));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_module_type_depends_on_no_platform_namespace_but_the_sdk_and_the_kernel(string module)
    {
        var forbidden = _platformInternals.Concat(ModuleNames().Where(m => m != module));

        Violations.AssertNone(
            $"Types of {module} may use only the {SdkName} and {KernelName} namespaces of the platform.",
            Rules.TypesDependingOn(Module(module), forbidden));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_module_project_references_only_the_sdk_and_the_kernel_projects(string module)
    {
        var project = Path.Combine(Repository.Root, "modules", module, module + ".csproj");
        Assert.SkipUnless(File.Exists(project), $"{module} has no project under modules/ (only its assembly is known).");

        Violations.AssertNone(
            $"modules/{module}/{module}.csproj may reference only the {SdkName} and {KernelName} projects.",
            Repository.ProjectReferences(project).Where(p => p is not (SdkName or KernelName)).Select(p => $"{module}.csproj references project {p}"));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_module_assembly_has_exactly_one_public_module_class_with_a_public_parameterless_constructor(string module)
    {
        Violations.AssertNone(
            $"{module} must contain exactly one public non-abstract class implementing EGov.Modules.Sdk.IEGovModule with a public parameterless constructor.",
            Rules.ModuleEntryPointViolations(Module(module)));
    }
}
