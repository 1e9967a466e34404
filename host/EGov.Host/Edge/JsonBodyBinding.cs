using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using EGov.Host.Errors;
using EGov.Kernel;

namespace EGov.Host.Edge;

/// <summary>
/// Binds a JSON body to the endpoint's request type with the serializer options the endpoints use, before the
/// endpoint does, so a value that does not convert (<c>"channel":"Fax"</c>, a string for a number, <c>1e400</c>
/// for an integer, an array for an object) is refused as 400 <c>invalid-value</c> with the field named and the
/// accepted values listed. Left to Wolverine, the same body was answered with the serializer's message (which names
/// .NET types) and logged at error level with a stack trace.
/// </summary>
internal static partial class JsonBodyBinding
{
    /// <summary>The field whose value did not convert and what it accepts, or null when the body binds.</summary>
    public static TextViolation? FirstError(byte[] body, Type requestType, JsonSerializerOptions options)
    {
        try
        {
            _ = JsonSerializer.Deserialize(body, requestType, options);
            return null;
        }
        catch (JsonException e)
        {
            var segments = Segments(e.Path);
            var target = TypeAt(requestType, segments, options);
            var field = segments.Count == 0 ? "body" : string.Join('.', segments).Replace(".[", "[", StringComparison.Ordinal);
            return new TextViolation(field, target is null
                ? "Giá trị không đúng kiểu / The value has the wrong type."
                : ExpectedValue.Describe(target));
        }
    }

    // "$.applicant.fullName", "$.documentIds[2]", "$['odd key']": property names and [index] segments, in order.
    private static List<string> Segments(string? path)
    {
        var segments = new List<string>();
        if (string.IsNullOrEmpty(path))
        {
            return segments;
        }

        foreach (Match m in PathSegment().Matches(path))
        {
            segments.Add(m.Groups["name"].Success ? m.Groups["name"].Value
                : m.Groups["quoted"].Success ? m.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal)
                : $"[{m.Groups["index"].Value}]");
        }

        return segments;
    }

    // The declared type of the value at the path, walked with the serializer's own contract (its names, its casing).
    private static Type? TypeAt(Type root, List<string> segments, JsonSerializerOptions options)
    {
        Type? current = root;
        foreach (var segment in segments)
        {
            if (current is null)
            {
                return null;
            }

            current = Nullable.GetUnderlyingType(current) ?? current;
            var info = options.GetTypeInfo(current);
            current = info.Kind switch
            {
                JsonTypeInfoKind.Object => info.Properties.FirstOrDefault(p => string.Equals(p.Name, segment,
                    options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))?.PropertyType,
                JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary => info.ElementType,
                _ => null,
            };
        }

        return current;
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>(?:[^']|'')*)'\]", RegexOptions.NonBacktracking)]
    private static partial Regex PathSegment();
}
