using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>
/// The committed snapshot of the served OpenAPI document, <c>docs/openapi/v1.json</c>: what client generators (and the
/// generated-client tests) read without a running host. <c>scripts/openapi.sh</c> writes it through
/// <see cref="Normalize"/>, so the same document always gives the same bytes.
/// </summary>
public static class OpenApiSnapshot
{
    /// <summary>Set to <c>1</c> by scripts/openapi.sh: the snapshot test writes the served document instead of comparing.</summary>
    public const string WriteVariable = "EGOV_WRITE_OPENAPI_SNAPSHOT";

    public static string RelativePath => Path.Combine("docs", "openapi", "v1.json");

    public static string FullPath => Path.Combine(RepositoryPaths.Root, RelativePath);

    private static readonly JsonSerializerOptions Format = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        // Vietnamese titles and descriptions stay readable in the file and in diffs.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Stable text for a served document: object members sorted by name at every level (the order endpoints and
    /// schemas are discovered in is not a contract), arrays kept in order (their order can mean something), two-space
    /// indentation, "\n" line ends and one final newline. The root <c>servers</c> entry is dropped: the host fills it
    /// from the request (the test host's random port), and a client is given its base address anyway.
    /// </summary>
    public static string Normalize(string served)
    {
        var root = JsonNode.Parse(served) as JsonObject
            ?? throw new InvalidOperationException("The served OpenAPI document is not a JSON object.");
        root.Remove("servers");
        return Sorted(root)!.ToJsonString(Format) + "\n";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>The first line where two texts differ, for a failure message a reader can act on.</summary>
    public static string FirstDifference(string committed, string served)
    {
        var left = committed.ReplaceLineEndings("\n").Split('\n');
        var right = served.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "<end of file>";
            var r = i < right.Length ? right[i] : "<end of file>";
            if (l != r)
            {
                return $"line {i + 1}: committed `{l.Trim()}`, served `{r.Trim()}`";
            }
        }

        return "no difference";
    }
}
