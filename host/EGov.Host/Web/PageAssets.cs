using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace EGov.Host.Web;

/// <summary>One file of the pages: its bytes, media type and entity tag.</summary>
internal sealed record PageAsset(byte[] Content, string ContentType, EntityTagHeaderValue ETag);

/// <summary>
/// The citizen lookup and leader dashboard files (plain HTML, CSS and JS under <c>Web/assets</c>), embedded in the
/// host assembly. Embedding rather than a wwwroot folder means the pages are there wherever the assembly runs:
/// from its bin folder, published, or inside a test's WebApplicationFactory, with no content-root guesswork.
/// </summary>
internal sealed class PageAssets
{
    public const string ResourcePrefix = "egov-pages/";

    /// <summary>Replaced in HTML files by how the dashboard signs in on this deployment.</summary>
    public const string SignInPlaceholder = "%EGOV_SIGN_IN%";

    private static readonly FrozenDictionary<string, string> MediaTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, PageAsset> _assets;

    /// <param name="signInMode"><c>dev</c> where tokens are minted locally, <c>token</c> where one is pasted.</param>
    public PageAssets(Assembly assembly, string signInMode)
    {
        var assets = new Dictionary<string, PageAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            // RecursiveDir carries the build machine's separator into the logical name.
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            var extension = Path.GetExtension(path);
            if (!MediaTypes.TryGetValue(extension, out var contentType))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            if (extension == ".html")
            {
                bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(SignInPlaceholder, signInMode, StringComparison.Ordinal));
            }

            var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
            assets[path] = new PageAsset(bytes, contentType, tag);
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Paths => _assets.Keys;

    public PageAsset? Find(string path) => _assets.GetValueOrDefault(path);
}
