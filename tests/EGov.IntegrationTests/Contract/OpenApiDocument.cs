using System.Text.Json;

namespace EGov.IntegrationTests.Contract;

/// <summary>The served <c>/openapi/v1.json</c> read as JSON, with the walks the agreement tests share.</summary>
public sealed class OpenApiDocument(JsonElement root)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public JsonElement Root { get; } = root;

    public static async Task<OpenApiDocument> ReadAsync(HttpClient http) =>
        new(JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement.Clone());

    /// <summary>Every operation as (method in upper case, path template, operation object).</summary>
    public IEnumerable<(string Method, string Path, JsonElement Operation)> Operations()
    {
        foreach (var path in Root.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in Methods)
            {
                if (path.Value.TryGetProperty(method, out var operation))
                {
                    yield return (method.ToUpperInvariant(), path.Name, operation);
                }
            }
        }
    }

    public JsonElement Operation(string operationId) =>
        Operations().Single(o => o.Operation.TryGetProperty("operationId", out var id) && id.GetString() == operationId).Operation;

    public JsonElement Schema(string name) => Root.GetProperty("components").GetProperty("schemas").GetProperty(name);

    /// <summary>Every JSON object in the document that looks like a schema (has <c>type</c>), with its JSON path.</summary>
    public IEnumerable<(string Path, JsonElement Schema)> TypedSchemas() => Walk(Root, "$").Where(n => n.Node.TryGetProperty("type", out var t)
        && (t.ValueKind == JsonValueKind.Array || (t.ValueKind == JsonValueKind.String && t.GetString() is not ("http" or "apiKey" or "oauth2" or "openIdConnect")))).Select(n => (n.Path, n.Node));

    /// <summary>Every <c>$ref</c> value in the document.</summary>
    public IEnumerable<string> References() => Walk(Root, "$").Where(n => n.Node.TryGetProperty("$ref", out _)).Select(n => n.Node.GetProperty("$ref").GetString()!);

    public static IReadOnlyList<string> Types(JsonElement schema) =>
        !schema.TryGetProperty("type", out var t) ? []
        : t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(v => v.GetString()!).ToList()
        : [t.GetString()!];

    private static IEnumerable<(string Path, JsonElement Node)> Walk(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            yield return (path, element);
            foreach (var property in element.EnumerateObject())
            {
                // Examples are data, not schemas: a "type" inside one is a value.
                if (property.Name is "example" or "examples")
                {
                    continue;
                }

                foreach (var child in Walk(property.Value, $"{path}.{property.Name}"))
                {
                    yield return child;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                foreach (var child in Walk(item, $"{path}[{i++}]"))
                {
                    yield return child;
                }
            }
        }
    }
}
