using System.Reflection;
using System.Runtime.Loader;

namespace EGov.Architecture.Tests.Support;

/// <summary>The platform's assemblies, loaded for inspection.</summary>
internal static class PlatformAssemblies
{
    public const string KernelName = "EGov.Kernel";
    public const string SdkName = "EGov.Modules.Sdk";
    public const string CalendarName = "EGov.Calendar";
    public const string HostName = "EGov.Host";
    public const string ModulePrefix = "EGov.Modules.";

    /// <summary>
    /// Every module assembly name: each folder under <c>modules/</c> and any <c>EGov.Modules.*</c> assembly next to
    /// this test assembly, except the SDK.
    /// </summary>
    public static IReadOnlyList<string> ModuleNames() =>
        Repository.ProjectFiles("modules").Select(Repository.ProjectName)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, ModulePrefix + "*.dll").Select(Path.GetFileNameWithoutExtension).OfType<string>())
            .Where(n => n.StartsWith(ModulePrefix, StringComparison.Ordinal) && n != SdkName)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The names of the projects under <c>src/</c> that build an assembly (not the template package).</summary>
    public static IReadOnlyList<string> SourceNames() =>
        Repository.ProjectFiles("src").Where(p => !Repository.IsTemplatePackage(p)).Select(Repository.ProjectName).ToArray();

    /// <summary>An assembly this test project references (every src/ project, the built-in modules, the host).</summary>
    public static Assembly Referenced(string name)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException ex)
        {
            throw new InvalidOperationException(
                $"Assembly {name} is not referenced by tests/EGov.Architecture.Tests; add a ProjectReference so its rules are checked.", ex);
        }
    }

    /// <summary>
    /// A module assembly: referenced by this project (built-in modules) or, for a plug-in the host must not
    /// reference, read from <c>modules/&lt;Name&gt;/bin/&lt;Configuration&gt;/net10.0/&lt;Name&gt;.dll</c>. Either way it
    /// shares the SDK and kernel of the default load context, as in the host.
    /// </summary>
    public static Assembly Module(string name)
    {
        if (AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name) is { } loaded)
        {
            return loaded;
        }

        if (File.Exists(Path.Combine(AppContext.BaseDirectory, name + ".dll")))
        {
            return Assembly.Load(new AssemblyName(name));
        }

        var configuration = Repository.Configuration;
        var path = Path.Combine(Repository.Root, "modules", name, "bin", configuration, Repository.TargetFramework, name + ".dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Module assembly {name} was not found at {path}. The solution build always builds every module; " +
                $"build it first: dotnet build EGovPlatform.sln -c {configuration} (or dotnet build modules/{name} -c {configuration}).");
        }

        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
