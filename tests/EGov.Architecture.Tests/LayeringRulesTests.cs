using EGov.Architecture.Tests.Support;
using static EGov.Architecture.Tests.Support.PlatformAssemblies;

namespace EGov.Architecture.Tests;

/// <summary>Dependencies point inwards: host → platform (src/) → SDK → kernel; the kernel and the calendar stand alone.</summary>
public sealed class LayeringRulesTests
{
    public static TheoryData<string> Sources => new(SourceNames());

    public static TheoryData<string> StandAloneProjects => new(KernelName, CalendarName);

    [Fact]
    public void Kernel_references_no_other_platform_assembly()
    {
        Violations.AssertNone(
            $"{KernelName} must not reference any other EGov assembly.",
            Rules.ForbiddenPlatformReferences(Referenced(KernelName)));
    }

    [Fact]
    public void Kernel_references_no_third_party_package()
    {
        Violations.AssertNone(
            $"{KernelName} may reference only the base class library (System.*, Microsoft.*).",
            Rules.PackageReferences(Referenced(KernelName)));
    }

    [Fact]
    public void Calendar_references_no_platform_assembly_and_no_package()
    {
        var calendar = Referenced(CalendarName);

        Violations.AssertNone(
            $"{CalendarName} is pure BCL: no EGov assembly, no package.",
            Rules.ForbiddenPlatformReferences(calendar).Concat(Rules.PackageReferences(calendar)));
    }

    [Theory]
    [MemberData(nameof(StandAloneProjects))]
    public void Kernel_and_Calendar_project_files_declare_no_package_and_no_project_reference(string project)
    {
        var file = Path.Combine(Repository.Root, "src", project, project + ".csproj");

        Violations.AssertNone(
            $"src/{project}/{project}.csproj must declare no PackageReference and no ProjectReference.",
            Repository.PackageReferences(file).Select(p => $"{project}.csproj references package {p}")
                .Concat(Repository.ProjectReferences(file).Select(p => $"{project}.csproj references project {p}")));
    }

    [Fact]
    public void Sdk_references_only_the_kernel_among_platform_assemblies()
    {
        Violations.AssertNone(
            $"{SdkName} may reference only {KernelName} among EGov assemblies.",
            Rules.ForbiddenPlatformReferences(Referenced(SdkName), KernelName));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void No_source_assembly_references_the_host_or_a_module(string source)
    {
        Violations.AssertNone(
            $"src/{source} must not reference {HostName} or any module.",
            Rules.ReferencesTo(Referenced(source), [HostName, .. ModuleNames()]));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void No_source_project_file_references_the_host_or_a_module(string source)
    {
        var file = Path.Combine(Repository.Root, "src", source, source + ".csproj");
        var forbidden = ModuleNames().Append(HostName).ToHashSet(StringComparer.Ordinal);

        Violations.AssertNone(
            $"src/{source}/{source}.csproj must not reference the host or a module project.",
            Repository.ProjectReferences(file).Where(forbidden.Contains).Select(p => $"{source}.csproj references project {p}"));
    }

    [Fact]
    public void Host_does_not_reference_the_sample_plug_in()
    {
        const string sample = "EGov.Modules.Sample";
        var hostProject = Path.Combine(Repository.Root, "host", HostName, HostName + ".csproj");

        Violations.AssertNone(
            $"{HostName} must not reference {sample}: it is a plug-in loaded from Modules:PluginPath.",
            Rules.ReferencesTo(Referenced(HostName), [sample])
                .Concat(Repository.ProjectReferences(hostProject).Where(p => p == sample).Select(p => $"{HostName}.csproj references project {p}")));
    }
}
