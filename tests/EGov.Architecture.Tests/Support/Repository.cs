using System.Reflection;
using System.Xml.Linq;
using EGov.Hosting;

namespace EGov.Architecture.Tests.Support;

/// <summary>The repository on disk: its root, the build configuration of this test run and the project files.</summary>
internal static class Repository
{
    public const string SolutionFile = RepositoryLayout.SolutionFile;
    public const string TargetFramework = "net10.0";

    private static readonly Lazy<string> _root = new(FindRoot);

    /// <summary>The folder that holds <c>EGovPlatform.sln</c>, found by walking up from the test assembly.</summary>
    public static string Root => _root.Value;

    /// <summary>Debug or Release: the configuration this test assembly was built in (…/bin/&lt;Configuration&gt;/net10.0/).</summary>
    public static string Configuration
    {
        get
        {
            var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            if (tfmDir.Name == TargetFramework && tfmDir.Parent is { } configDir && configDir.Parent?.Name == "bin")
            {
                return configDir.Name;
            }

            return typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration
                ?? throw new InvalidOperationException($"Cannot tell the build configuration from {AppContext.BaseDirectory}.");
        }
    }

    /// <summary>The project files directly under <c>&lt;folder&gt;/*/</c>, e.g. every project of <c>src/</c>.</summary>
    public static IReadOnlyList<string> ProjectFiles(string folder) =>
        Directory.EnumerateDirectories(Path.Combine(Root, folder))
            .Select(dir => Path.Combine(dir, Path.GetFileName(dir) + ".csproj"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>True for a <c>dotnet new</c> template package (<c>PackageType</c> Template): it packs files and builds no code.</summary>
    public static bool IsTemplatePackage(string projectFile) =>
        XDocument.Load(projectFile).Descendants("PackageType").Any(e => e.Value == "Template");

    /// <summary>The project's name (file name without <c>.csproj</c>), which is also its assembly name here.</summary>
    public static string ProjectName(string projectFile) => Path.GetFileNameWithoutExtension(projectFile);

    /// <summary>The names of the projects a project file references (<c>ProjectReference</c>).</summary>
    public static IReadOnlyList<string> ProjectReferences(string projectFile) =>
        Items(projectFile, "ProjectReference")
            .Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/')))
            .ToArray();

    /// <summary>The packages a project file references (<c>PackageReference</c>).</summary>
    public static IReadOnlyList<string> PackageReferences(string projectFile) => Items(projectFile, "PackageReference");

    private static string[] Items(string projectFile, string item) =>
        XDocument.Load(projectFile)
            .Descendants(item)
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .ToArray();

    private static string FindRoot() =>
        RepositoryLayout.FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {SolutionFile} found above {AppContext.BaseDirectory}.");
}
