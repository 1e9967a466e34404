using System.Net.Http.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.IntegrationTests;

/// <summary>Modules come from the host's references or from a plug-in folder, and configuration switches them.</summary>
public sealed class ModuleLoadingTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_module_built_separately_and_dropped_into_the_plugin_folder_serves_its_procedures()
    {
        // Neither the host nor these tests are built with the plug-in: it can only come from the folder.
        Assert.DoesNotContain(typeof(Program).Assembly.GetReferencedAssemblies(), a => a.Name == "EGov.Modules.Sample");
        Assert.DoesNotContain(typeof(ModuleLoadingTests).Assembly.GetReferencedAssemblies(), a => a.Name == "EGov.Modules.Sample");
        var pluginFolder = await BuildSamplePluginAsync();

        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Modules:PluginPath"] = pluginFolder });
        var procedures = await (await host.Http.GetAsync("/api/v1/procedures", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var codes = procedures.EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.Contains("VH-QC-01", codes);
        Assert.Contains("TP-LLTP-01", codes);
        var sample = procedures.EnumerateArray().Single(p => p.GetProperty("code").GetString() == "VH-QC-01");
        Assert.Equal("Sample", sample.GetProperty("module").GetString());

        // The plug-in's procedure works end to end: its unit takes a dossier in, processes it and delivers the result.
        var delivered = await PluginDossierWalk.ToDeliveryAsync(host, "VH-QC-01", "SVHTTDL", "H10.30");
        Assert.Equal("Delivered", delivered.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Switching_a_module_off_keeps_its_stored_dossiers_readable_and_the_other_modules_working()
    {
        var first = await TestHost.StartAsync(platform.Postgres);
        var connectionString = first.ConnectionString;
        var desk = await first.ClientAsync("desk-off", [Roles.DeskOfficer], "STP");
        var dossier = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var id = dossier.GetProperty("id").GetGuid();
        var code = dossier.GetProperty("code").GetString()!;
        await first.DisposeAsync();

        await using var second = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
        {
            ["ConnectionStrings:egov"] = connectionString,
            ["Modules:Justice:Enabled"] = "false",
        });
        var officer = await second.ClientAsync("desk-off", [Roles.DeskOfficer], "STP");
        var read = await officer.GetAsync($"/api/v1/dossiers/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(code, (await read.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/dossiers/{id}/history", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await second.CreateClient().GetAsync($"/api/v1/public/dossiers/{code}", TestContext.Current.CancellationToken)).StatusCode);

        // Its procedures are gone for new intakes; another module's procedure still takes dossiers.
        var refused = await officer.PostAsJsonAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var finance = await second.ClientAsync("desk-stc-off", [Roles.DeskOfficer], "XA-PHUNHUAN");
        await finance.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TC-HKD-01"));
    }

    [Fact]
    public async Task Disabling_a_module_in_configuration_removes_its_procedures()
    {
        var pluginFolder = await BuildSamplePluginAsync();
        await using var host = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?>
        {
            ["Modules:PluginPath"] = pluginFolder,
            ["Modules:Justice:Enabled"] = "false",
        });
        var procedures = await (await host.Http.GetAsync("/api/v1/procedures", TestContext.Current.CancellationToken)).ReadJsonAsync();
        var modules = procedures.EnumerateArray().Select(p => p.GetProperty("module").GetString()).Distinct().Order(StringComparer.Ordinal).ToList();
        // Only Justice goes: the other built-in modules and the plug-in keep serving their procedures.
        Assert.Equal(["Agriculture", "Construction", "Finance", "Sample"], modules);
        var units = await (await host.Http.GetAsync("/api/v1/units", TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.DoesNotContain(units.EnumerateArray(), u => u.GetProperty("module").GetString() == "Justice");
    }

    private static readonly SemaphoreSlim BuildLock = new(1, 1);

    /// <summary>Builds the sample module with the .NET CLI, as a department would, and copies only its own assembly.</summary>
    private static async Task<string> BuildSamplePluginAsync()
    {
        await BuildLock.WaitAsync();
        try
        {
            var project = Path.Combine(RepositoryPaths.Root, "modules", "EGov.Modules.Sample", "EGov.Modules.Sample.csproj");
            await DotnetCli.RunAsync(RepositoryPaths.Root, "build", project, "-c", RepositoryPaths.Configuration, "--no-dependencies", "-nologo", "-v", "q");

            var built = Path.Combine(RepositoryPaths.Root, "modules", "EGov.Modules.Sample", "bin", RepositoryPaths.Configuration, "net10.0", "EGov.Modules.Sample.dll");
            var folder = Path.Combine(Path.GetTempPath(), $"egov-plugins-{Guid.NewGuid():N}", "Sample");
            Directory.CreateDirectory(folder);
            File.Copy(built, Path.Combine(folder, "EGov.Modules.Sample.dll"));
            return Path.GetDirectoryName(folder)!;
        }
        finally
        {
            BuildLock.Release();
        }
    }
}
