using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>
/// A read-only OCI distribution registry on a loopback port serving one small base image, for the container-image
/// test: the machines that build and test this repository reach no container registry (mcr.microsoft.com does not
/// resolve), and the .NET SDK pulls its base image from a registry. The image is a stand-in with the environment of
/// Microsoft's ASP.NET Core images (<c>APP_UID</c>, <c>ASPNETCORE_HTTP_PORTS</c>) and one tiny layer: the SDK reads
/// its manifest and config and writes its layers through unchanged, so what the test checks (the host's layer, the
/// entrypoint, the user, the ports) is what the SDK makes on the real base.
/// </summary>
public sealed class LoopbackRegistry : IAsyncDisposable
{
    public const string Repository = "dotnet/aspnet";
    public const string Tag = "10.0-egov-test";
    public const string BaseMarker = "etc/egov-test-base";

    private readonly WebApplication _app;
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);
    private readonly byte[] _manifest;

    private LoopbackRegistry(int port)
    {
        Port = port;
        var (layer, diffId) = Layer();
        var layerDigest = Digest(layer);
        _blobs[layerDigest] = layer;
        var config = JsonSerializer.SerializeToUtf8Bytes(new
        {
            architecture = "amd64",
            os = "linux",
            config = new
            {
                Env = new[] { "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "APP_UID=1654", "ASPNETCORE_HTTP_PORTS=8080", "DOTNET_RUNNING_IN_CONTAINER=true", "DOTNET_VERSION=10.0.0", "ASPNET_VERSION=10.0.0" },
                WorkingDir = "/",
            },
            rootfs = new { type = "layers", diff_ids = new[] { diffId } },
            history = new[] { new { created_by = "EGov integration tests: loopback base image" } },
        });
        var configDigest = Digest(config);
        _blobs[configDigest] = config;
        _manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = "application/vnd.oci.image.manifest.v1+json",
            config = new { mediaType = "application/vnd.oci.image.config.v1+json", digest = configDigest, size = config.Length },
            layers = new[] { new { mediaType = "application/vnd.oci.image.layer.v1.tar+gzip", digest = layerDigest, size = layer.Length } },
        });

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(Serve);
    }

    public int Port { get; }

    /// <summary>The base image reference for <c>ContainerBaseImage</c>.</summary>
    public string BaseImage => $"localhost:{Port}/{Repository}:{Tag}";

    public static async Task<LoopbackRegistry> StartAsync()
    {
        var registry = new LoopbackRegistry(EGov.Hosting.Loopback.FreeTcpPort());
        await registry._app.StartAsync();
        return registry;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task Serve(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        byte[]? body = null;
        string? type = null;
        if (path is "/v2/" or "/v2")
        {
            body = "{}"u8.ToArray();
            type = "application/json";
        }
        else if (path.StartsWith($"/v2/{Repository}/manifests/", StringComparison.Ordinal))
        {
            var reference = path[(path.LastIndexOf('/') + 1)..];
            if (reference == Tag || reference == Digest(_manifest))
            {
                body = _manifest;
                type = "application/vnd.oci.image.manifest.v1+json";
            }
        }
        else if (path.StartsWith($"/v2/{Repository}/blobs/", StringComparison.Ordinal))
        {
            if (_blobs.TryGetValue(path[(path.LastIndexOf('/') + 1)..], out var blob))
            {
                body = blob;
                type = "application/octet-stream";
            }
        }

        if (body is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = type;
        http.Response.ContentLength = body.Length;
        http.Response.Headers["Docker-Content-Digest"] = Digest(body);
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(body);
        }
    }

    // One file, so the test can tell the base's layer from the host's.
    private static (byte[] Gzipped, string DiffId) Layer()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "etc/"));
            var file = new PaxTarEntry(TarEntryType.RegularFile, BaseMarker) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("loopback base image\n")) };
            writer.WriteEntry(file);
        }

        var plain = tar.ToArray();
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        return (gzipped.ToArray(), Digest(plain));
    }

    private static string Digest(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
}
