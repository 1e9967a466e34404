using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;
using EGov.Modules.Sdk;

namespace EGov.IntegrationTests;

/// <summary>
/// A department builds its module outside this repository: from the SDK package and the <c>egov-module</c> template
/// (docs/modules.md). The packages are packed here into a folder feed, the template creates a module in a temporary
/// folder, the module is built and published against the packages and loaded by a real host from its plug-in folder.
/// </summary>
public sealed class ModuleTemplateTests(PlatformFixture platform)
{
    private const string ModuleName = "Tourism";
    private const string UnitCode = "SDL";
    private const string AgencyId = "H10.91";
    private const string ProcedureCode = "DL-LH-01";

    [Fact]
    public void The_sdk_version_is_one_number_for_the_packages_the_template_and_the_hosts_copy()
    {
        var version = SdkVersion();
        var template = JsonDocument.Parse(File.ReadAllText(TemplateJson())).RootElement;

        Assert.Equal(version, template.GetProperty("symbols").GetProperty("sdkVersion").GetProperty("defaultValue").GetString());
        // The host's copies are the assemblies a plug-in binds to: their version is the package's.
        Assert.Equal(Version.Parse(version), typeof(IEGovModule).Assembly.GetName().Version?.ToString(3) is { } sdk ? Version.Parse(sdk) : null);
        Assert.Equal(Version.Parse(version), typeof(Roles).Assembly.GetName().Version?.ToString(3) is { } kernel ? Version.Parse(kernel) : null);
    }

    [Fact]
    public async Task A_module_made_from_the_template_outside_the_solution_builds_against_the_packages_and_serves_a_dossier_in_a_host()
    {
        // A prerelease version of our own: the machine's package cache can never hand back an older pack of it.
        var version = $"{SdkVersion()}-e2e-{Guid.NewGuid():N}";
        var work = Directory.CreateTempSubdirectory("egov-module-e2e-").FullName;
        try
        {
            var feed = Directory.CreateDirectory(Path.Combine(work, "feed")).FullName;
            // The SDK's packages hold the very assemblies this host was built with (--no-build); the template has no code.
            foreach (var project in new[] { "EGov.Kernel", "EGov.Modules.Sdk" })
            {
                await DotnetCli.RunAsync(RepositoryPaths.Root, "pack", Path.Combine("src", project), "-c", RepositoryPaths.Configuration,
                    "--no-build", "-o", feed, $"-p:Version={version}", "-nologo", "-v", "q");
            }

            await DotnetCli.RunAsync(RepositoryPaths.Root, "pack", Path.Combine("src", "EGov.Modules.Template"), "-c", RepositoryPaths.Configuration,
                "-o", feed, $"-p:Version={version}", "-nologo", "-v", "q");

            AssertSdkPackage(Path.Combine(feed, $"EGov.Modules.Sdk.{version}.nupkg"), version);

            // The template goes into a private hive: the machine's own template list is left as it was.
            var hive = Path.Combine(work, "hive");
            await DotnetCli.RunAsync(work, "new", "install", Path.Combine(feed, $"EGov.Modules.Template.{version}.nupkg"), "--debug:custom-hive", hive);
            var root = Path.Combine(work, ModuleName);
            await DotnetCli.RunAsync(work, "new", "egov-module", "-n", ModuleName, "-o", root, "--namespace", "Province.Tourism",
                "--unit-code", UnitCode, "--agency-id", AgencyId, "--procedure-code", ProcedureCode, "--sdk-version", version,
                "--debug:custom-hive", hive);
            var source = File.ReadAllText(Path.Combine(root, "src", $"EGov.Modules.{ModuleName}", $"{ModuleName}Module.cs"));
            Assert.Contains("namespace Province.Tourism;", source, StringComparison.Ordinal);
            Assert.Contains($"public string Name => \"{ModuleName}\";", source, StringComparison.Ordinal);

            // The local feed beside the machine's usual sources, as a department adds the platform's feed.
            File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="egov-local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            await DotnetCli.RunAsync(root, "build", $"EGov.Modules.{ModuleName}.slnx", "-c", "Release", "-nologo", "-v", "q");
            await DotnetCli.RunAsync(root, "exec", Path.Combine("tests", $"EGov.Modules.{ModuleName}.Tests", "bin", "Release", "net10.0", $"EGov.Modules.{ModuleName}.Tests.dll"));
            var plugins = Path.Combine(work, "plugins");
            await DotnetCli.RunAsync(root, "publish", Path.Combine("src", $"EGov.Modules.{ModuleName}"), "-c", "Release", "--no-build",
                "-o", Path.Combine(plugins, ModuleName), "-nologo", "-v", "q");

            // The publish output ships the module alone: the SDK, the kernel and Marten are the host's.
            Assert.Equal([$"EGov.Modules.{ModuleName}.dll"], Directory.EnumerateFiles(plugins, "*.dll", SearchOption.AllDirectories).Select(Path.GetFileName));

            await WalkADossierAsync(plugins);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            ForgetCachedPackages(version);
        }
    }

    private async Task WalkADossierAsync(string plugins)
    {
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Modules:PluginPath"] = plugins });
        var procedures = await (await host.Http.GetAsync("/api/v1/procedures", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var procedure = procedures.EnumerateArray().Single(p => p.GetProperty("code").GetString() == ProcedureCode);
        Assert.Equal(ModuleName, procedure.GetProperty("module").GetString());
        var delivered = await PluginDossierWalk.ToDeliveryAsync(host, ProcedureCode, UnitCode, AgencyId);
        Assert.Equal("Delivered", delivered.GetProperty("status").GetString());
    }

    /// <summary>The SDK package carries its XML docs, README and licence, and depends on the kernel package of its version.</summary>
    private static void AssertSdkPackage(string package, string version)
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("lib/net10.0/EGov.Modules.Sdk.dll", entries);
        Assert.Contains("lib/net10.0/EGov.Modules.Sdk.xml", entries);
        Assert.Contains("README.md", entries);

        using var nuspec = zip.GetEntry("EGov.Modules.Sdk.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.NotEmpty(metadata.Elements().Single(e => e.Name.LocalName == "license").Value);
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!);
        Assert.Equal(version, dependencies["EGov.Kernel"]);
    }

    /// <summary>Removes this run's packages from the machine's package cache (only the unique version packed above).</summary>
    private static void ForgetCachedPackages(string version)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "egov.kernel", "egov.modules.sdk" })
        {
            var folder = Path.Combine(cache, id, version.ToLowerInvariant());
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string SdkVersion() =>
        XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("EGovSdkVersion").Single().Value;

    private static string TemplateJson() =>
        Path.Combine(RepositoryPaths.Root, "src", "EGov.Modules.Template", "content", ".template.config", "template.json");
}
