using System.Text.Json;

namespace EGov.IntegrationTests.Fuzz;

/// <summary>The JSON kinds the mutations are chosen by.</summary>
public enum ShapeKind
{
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,
}

/// <summary>
/// A JSON schema reduced to what the fuzz needs: the value's kind, format, enum values, properties and items.
/// ASP.NET Core writes integers as <c>["integer","string"]</c> with a pattern and nullables as <c>["null", ...]</c>
/// or <c>oneOf [null, $ref]</c>; all of these collapse to one kind here.
/// </summary>
public sealed record SchemaShape(
    ShapeKind Kind,
    string? Format = null,
    IReadOnlyList<string>? Enum = null,
    IReadOnlyList<(string Name, SchemaShape Shape)>? Properties = null,
    SchemaShape? Items = null,
    SchemaShape? AdditionalProperties = null)
{
    public static readonly SchemaShape AnyString = new(ShapeKind.String);

    public bool IsUuid => Kind == ShapeKind.String && Format == "uuid";

    public bool IsInstant => Kind == ShapeKind.String && Format == "date-time";
}

/// <summary>Follows <c>$ref</c>s into <c>components/schemas</c> and simplifies each schema to a <see cref="SchemaShape"/>.</summary>
public sealed class SchemaResolver(JsonElement document)
{
    private const int MaxDepth = 6;

    public SchemaShape Shape(JsonElement schema) => Shape(schema, 0);

    private SchemaShape Shape(JsonElement schema, int depth)
    {
        if (depth > MaxDepth)
        {
            return SchemaShape.AnyString;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Shape(Resolve(reference.GetString()!), depth + 1);
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var alternatives))
            {
                // The first alternative that is not just "null" is the value's real shape.
                foreach (var alternative in alternatives.EnumerateArray())
                {
                    if (!(alternative.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
                    {
                        return Shape(alternative, depth + 1);
                    }
                }
            }
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var enumValues = schema.TryGetProperty("enum", out var e)
            ? e.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray()
            : null;
        var kind = KindOf(schema, format, enumValues);
        List<(string, SchemaShape)>? properties = null;
        if (schema.TryGetProperty("properties", out var props))
        {
            properties = props.EnumerateObject().Select(p => (p.Name, Shape(p.Value, depth + 1))).ToList();
        }

        var items = schema.TryGetProperty("items", out var i) ? Shape(i, depth + 1) : null;
        var additional = schema.TryGetProperty("additionalProperties", out var a) && a.ValueKind == JsonValueKind.Object ? Shape(a, depth + 1) : null;
        return new SchemaShape(kind, format, enumValues, properties, items, additional);
    }

    private static ShapeKind KindOf(JsonElement schema, string? format, string[]? enumValues)
    {
        var types = new List<string>();
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                types.Add(type.GetString()!);
            }
            else if (type.ValueKind == JsonValueKind.Array)
            {
                types.AddRange(type.EnumerateArray().Select(t => t.GetString()!));
            }
        }

        types.Remove("null");
        if (types.Contains("integer"))
        {
            return ShapeKind.Integer;
        }

        if (types.Contains("number"))
        {
            return format is "int32" or "int64" ? ShapeKind.Integer : ShapeKind.Number;
        }

        return types.FirstOrDefault() switch
        {
            "boolean" => ShapeKind.Boolean,
            "array" => ShapeKind.Array,
            "object" => ShapeKind.Object,
            "string" => ShapeKind.String,
            _ when enumValues is { Length: > 0 } => ShapeKind.String,
            _ when schema.TryGetProperty("properties", out _) => ShapeKind.Object,
            _ => ShapeKind.String,
        };
    }

    private JsonElement Resolve(string reference)
    {
        const string prefix = "#/components/schemas/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Unsupported $ref '{reference}'.");
        }

        return document.GetProperty("components").GetProperty("schemas").GetProperty(reference[prefix.Length..]);
    }
}
