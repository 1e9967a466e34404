using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests;

/// <summary>
/// The host's container image as the .NET SDK builds it (<c>dotnet publish /t:PublishContainer</c>, no Docker daemon):
/// written as a tarball, it holds the host's assembly, starts it, runs as a non-root user and exposes the HTTP and
/// silo ports. The base image comes from <see cref="LoopbackRegistry"/>: no container registry is reachable where
/// this repository is built and tested (docs/operations.md, "Container image").
/// </summary>
public sealed class ContainerImageTests
{
    [Fact]
    public async Task Publishing_the_container_writes_an_image_tarball_with_the_host_a_non_root_user_and_its_ports()
    {
        await using var registry = await LoopbackRegistry.StartAsync();
        var work = Directory.CreateTempSubdirectory("egov-image-");
        try
        {
            var archive = Path.Combine(work.FullName, "egov-host.tar.gz");
            var project = Path.Combine(RepositoryPaths.Root, "host", "EGov.Host", "EGov.Host.csproj");
            var hostBuilt = File.Exists(Path.Combine(RepositoryPaths.Root, "host", "EGov.Host", "bin", RepositoryPaths.Configuration, "net10.0", "EGov.Host.dll"));
            string[] args =
            [
                "publish", project, "-c", RepositoryPaths.Configuration, "-nologo", "-t:PublishContainer",
                .. hostBuilt ? new[] { "--no-build" } : [],
                $"-p:PublishDir={Path.Combine(work.FullName, "publish")}{Path.DirectorySeparatorChar}",
                $"-p:ContainerBaseImage={registry.BaseImage}",
                $"-p:ContainerArchiveOutputPath={archive}",
            ];
            var output = await DotnetCli.RunAsync(RepositoryPaths.Root, new Dictionary<string, string> { ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = $"localhost:{registry.Port}" }, args);
            Assert.True(File.Exists(archive), $"no image tarball at {archive}:\n{output}");

            var image = ImageArchive.Read(archive);
            Assert.Contains(image.LayerFiles, f => f.EndsWith(LoopbackRegistry.BaseMarker, StringComparison.Ordinal));
            Assert.Contains(image.LayerFiles, f => f.EndsWith("app/EGov.Host.dll", StringComparison.Ordinal));

            var config = image.Config.GetProperty("config");
            var user = config.GetProperty("User").GetString();
            Assert.Equal("1654", user);
            var entrypoint = string.Join(' ', config.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()));
            // The apphost, or the runtime running the assembly: both start the host from /app.
            Assert.True(entrypoint is "/app/EGov.Host" or "dotnet EGov.Host.dll" or "dotnet /app/EGov.Host.dll", $"entrypoint: {entrypoint}");
            Assert.Equal("/app", config.GetProperty("WorkingDir").GetString()?.TrimEnd('/'));
            var ports = config.GetProperty("ExposedPorts").EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Contains("8080/tcp", ports);
            Assert.Contains("11111/tcp", ports);
            Assert.Contains("30000/tcp", ports);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>An image tarball in either layout the SDK may write: Docker's (<c>manifest.json</c>) or OCI's (<c>index.json</c>).</summary>
    private sealed record ImageArchive(JsonElement Config, IReadOnlyList<string> LayerFiles)
    {
        public static ImageArchive Read(string path)
        {
            var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            using (var file = File.OpenRead(path))
            using (var tar = new TarReader(Unzipped(file)))
            {
                while (tar.GetNextEntry() is { } entry)
                {
                    if (entry.DataStream is { } data)
                    {
                        using var copy = new MemoryStream();
                        data.CopyTo(copy);
                        entries[entry.Name.TrimStart('.', '/')] = copy.ToArray();
                    }
                }
            }

            string configPath;
            string[] layerPaths;
            if (entries.TryGetValue("manifest.json", out var dockerManifest))
            {
                var m = JsonDocument.Parse(dockerManifest).RootElement[0];
                configPath = m.GetProperty("Config").GetString()!;
                layerPaths = m.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()!).ToArray();
            }
            else
            {
                var index = JsonDocument.Parse(entries["index.json"]).RootElement;
                var manifest = JsonDocument.Parse(entries[Blob(index.GetProperty("manifests")[0].GetProperty("digest").GetString()!)]).RootElement;
                configPath = Blob(manifest.GetProperty("config").GetProperty("digest").GetString()!);
                layerPaths = manifest.GetProperty("layers").EnumerateArray().Select(l => Blob(l.GetProperty("digest").GetString()!)).ToArray();
            }

            var files = new List<string>();
            foreach (var layer in layerPaths)
            {
                using var tar = new TarReader(Unzipped(new MemoryStream(entries[layer])));
                while (tar.GetNextEntry() is { } entry)
                {
                    files.Add(entry.Name);
                }
            }

            return new ImageArchive(JsonDocument.Parse(entries[configPath]).RootElement.Clone(), files);
        }

        private static string Blob(string digest) => "blobs/" + digest.Replace(':', '/');

        // Layers and the archive itself may or may not be gzipped: read the magic number.
        private static Stream Unzipped(Stream stream)
        {
            var buffered = new MemoryStream();
            stream.CopyTo(buffered);
            buffered.Position = 0;
            var gzipped = buffered.Length > 2 && buffered.ReadByte() == 0x1f && buffered.ReadByte() == 0x8b;
            buffered.Position = 0;
            return gzipped ? new GZipStream(buffered, CompressionMode.Decompress) : buffered;
        }
    }
}
