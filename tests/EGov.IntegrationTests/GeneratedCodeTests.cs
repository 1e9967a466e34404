using System.Diagnostics;
using EGov.IntegrationTests.Infrastructure;
using EGov.Modules.Sdk;
using JasperFx.CodeGeneration;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Runtime;

namespace EGov.IntegrationTests;

/// <summary>
/// The Wolverine code committed in host/EGov.Host/Internal/Generated (docs/adr/0014-pre-generated-wolverine-code.md)
/// is what the host would generate now, and only the host as built loads it. In Static mode an endpoint missing from
/// the committed code answers 404 and a missing handler leaves its messages unhandled, so stale code fails here.
/// </summary>
public sealed class GeneratedCodeTests(PlatformFixture platform)
{
    private static string CommittedFolder => Path.Combine(RepositoryPaths.Root, "host", "EGov.Host", "Internal", "Generated");

    [Fact]
    public async Task The_committed_Wolverine_code_is_what_codegen_writes_now()
    {
        var fresh = Directory.CreateTempSubdirectory("egov-codegen-");
        try
        {
            await CodegenWriteAsync(fresh.FullName);
            Assert.NotEmpty(Directory.EnumerateFiles(fresh.FullName, "*.cs", SearchOption.AllDirectories));

            var diff = GeneratedCodeDiff.Between(CommittedFolder, fresh.FullName);
            Assert.True(diff.IsEmpty, $"The committed generated code is stale: run ./scripts/codegen.sh and commit host/EGov.Host/Internal/Generated ({diff}).");
        }
        finally
        {
            fresh.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_diff_names_changed_uncommitted_and_obsolete_files()
    {
        var committed = Directory.CreateTempSubdirectory("egov-committed-");
        var fresh = Directory.CreateTempSubdirectory("egov-fresh-");
        try
        {
            Write(committed.FullName, "WolverineHandlers/GET_a.cs", "class A {}\r\n");
            Write(fresh.FullName, "WolverineHandlers/GET_a.cs", "class A {}\n");
            Assert.True(GeneratedCodeDiff.Between(committed.FullName, fresh.FullName).IsEmpty);

            Write(committed.FullName, "WolverineHandlers/GET_b.cs", "class B {}");
            Write(fresh.FullName, "WolverineHandlers/GET_b.cs", "class B { int x; }");
            Write(fresh.FullName, "WolverineHandlers/POST_new.cs", "class New {}");
            Write(committed.FullName, "WolverineHandlers/DELETE_gone.cs", "class Gone {}");

            var diff = GeneratedCodeDiff.Between(committed.FullName, fresh.FullName);
            Assert.Equal(["WolverineHandlers/GET_b.cs"], diff.Changed);
            Assert.Equal(["WolverineHandlers/POST_new.cs"], diff.Missing);
            Assert.Equal(["WolverineHandlers/DELETE_gone.cs"], diff.Extra);
            Assert.False(diff.IsEmpty);
        }
        finally
        {
            committed.Delete(recursive: true);
            fresh.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Only_the_host_as_built_loads_the_committed_code()
    {
        Assert.Equal(TypeLoadMode.Static, ModeOf(platform.Host));

        // Police's milestone handler is folded into the committed DossierMilestone class: switched off, the host must
        // not run that class (it would call Police) but generate its own for the modules it has.
        await using var withoutPolice = await TestHost.StartAsync(platform.Postgres, new Dictionary<string, string?> { ["Modules:Police:Enabled"] = "false" });
        Assert.Equal(TypeLoadMode.Dynamic, ModeOf(withoutPolice));
        var runtime = (WolverineRuntime)withoutPolice.Services.GetRequiredService<IWolverineRuntime>();
        var milestone = Assert.Single(runtime.Handlers.Chains, c => c.MessageType == typeof(DossierMilestone));
        Assert.Contains(milestone.Handlers, h => h.HandlerType.Namespace == "EGov.Modules.Finance");
        Assert.DoesNotContain(milestone.Handlers, h => h.HandlerType.Namespace == "EGov.Modules.Police");
    }

    private static TypeLoadMode ModeOf(TestHost host) =>
        host.Services.GetRequiredService<IWolverineRuntime>().Options.CodeGeneration.TypeLoadMode;

    private static void Write(string folder, string relative, string text)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Runs the built host's <c>codegen write</c> exactly as scripts/codegen.sh does, into <paramref name="folder"/>.</summary>
    private static async Task CodegenWriteAsync(string folder)
    {
        var project = Path.Combine(RepositoryPaths.Root, "host", "EGov.Host");
        var dll = Path.Combine(project, "bin", RepositoryPaths.Configuration, "net10.0", "EGov.Host.dll");
        Assert.True(File.Exists(dll), $"Build the host first: {dll}");
        var psi = new ProcessStartInfo("dotnet", [dll, "codegen", "write"])
        {
            WorkingDirectory = project,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["Wolverine__TypeLoadMode"] = "Dynamic";
        psi.Environment["Wolverine__GeneratedCodePath"] = folder;
        psi.Environment["ConnectionStrings__egov"] = "Host=127.0.0.1;Port=1;Database=codegen;Username=codegen";
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"codegen write exited with {process.ExitCode}: {await output}\n{await errors}");
    }
}
