using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EGov.Kernel;

/// <summary>What a JSON request body turned out to be.</summary>
public enum JsonBodyShape
{
    /// <summary>A JSON value other than <c>null</c>: the endpoint may read it (see the violations first).</summary>
    Value,

    /// <summary>Nothing but white space.</summary>
    Empty,

    /// <summary>The literal <c>null</c>: no endpoint of the platform takes that for its body.</summary>
    Null,

    /// <summary>Not JSON.</summary>
    Malformed,
}

/// <summary>One refused text in a body: the field as a client names it (<c>applicant.fullName</c>, <c>holidays[2]</c>).</summary>
public sealed record TextViolation(string Field, string Message);

/// <summary>The outcome of <see cref="JsonTextGuard.Scan"/>.</summary>
/// <param name="Normalized">The body with every string in NFC, when that differs from what was sent; else null.</param>
public sealed record JsonTextScan(JsonBodyShape Shape, IReadOnlyList<TextViolation> Violations, byte[]? Normalized, string? MalformedDetail);

/// <summary>
/// Applies <see cref="TextPolicy"/> to every string of a JSON body (values and property names) in one streaming
/// pass, before any endpoint deserialises it, so the rule holds for every endpoint whatever its types. Strings under
/// a property in <see cref="MultiLineProperties"/>, and the values of the free-form <c>details</c> object, are free
/// text (TAB, CR, LF allowed); every other string, and every property name, is single-line.
/// </summary>
public static class JsonTextGuard
{
    /// <summary>At most this many violations are reported: enough to fix a form, bounded for a hostile body.</summary>
    public const int MaxViolations = 20;

    /// <summary>Properties whose text is free text wherever they appear (an action's reason, a grant's purpose, an address).</summary>
    public static readonly IReadOnlySet<string> MultiLineProperties = new HashSet<string>(StringComparer.Ordinal) { "reason", "purpose", "address" };

    /// <summary>The object whose values are a procedure's own form fields: free text, checked by the module.</summary>
    public const string DetailsProperty = "details";

    public static JsonTextScan Scan(ReadOnlySpan<byte> utf8)
    {
        // The reader throws on an empty document rather than reading nothing: tell that case apart first.
        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            return new JsonTextScan(JsonBodyShape.Empty, [], null, null);
        }

        var violations = new List<TextViolation>();
        var containers = new List<Container>();
        var rewrite = false;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        try
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                return reader.Read()
                    ? new JsonTextScan(JsonBodyShape.Malformed, [], null, "Dữ liệu thừa sau null / Unexpected data after null.")
                    : new JsonTextScan(JsonBodyShape.Null, [], null, null);
            }

            do
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        containers.Add(new Container(reader.TokenType == JsonTokenType.StartArray, Segment(containers)));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.RemoveAt(containers.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = Check(ref reader, TextKind.SingleLine, ref rewrite, out var nameProblem);
                        if (nameProblem is not null)
                        {
                            Report(violations, PathOf(containers, null), nameProblem);
                        }

                        containers[^1].Property = name;
                        break;
                    case JsonTokenType.String:
                        var top = containers.Count == 0 ? null : containers[^1];
                        var property = top is { IsArray: false } ? top.Property : null;
                        var kind = (property is not null && MultiLineProperties.Contains(property)) || (top is { IsArray: false } && top.Name == DetailsProperty)
                            ? TextKind.MultiLine
                            : TextKind.SingleLine;
                        Advance(containers);
                        Check(ref reader, kind, ref rewrite, out var problem);
                        if (problem is not null)
                        {
                            Report(violations, PathOf(containers, property), problem);
                        }

                        break;
                    default:
                        Advance(containers);
                        break;
                }
            }
            while (reader.Read());
        }
        catch (JsonException e)
        {
            return new JsonTextScan(JsonBodyShape.Malformed, [], null,
                string.Create(CultureInfo.InvariantCulture, $"JSON không hợp lệ ở dòng {e.LineNumber + 1}, byte {e.BytePositionInLine} / The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine})."));
        }

        return new JsonTextScan(JsonBodyShape.Value, violations, rewrite && violations.Count == 0 ? Normalize(utf8) : null, null);
    }

    // The name a container is known by in a path: the property that holds it, or its index in the parent array.
    private static string? Segment(List<Container> containers)
    {
        if (containers.Count == 0)
        {
            return null;
        }

        var parent = containers[^1];
        if (parent.IsArray)
        {
            parent.Index++;
            return string.Create(CultureInfo.InvariantCulture, $"[{parent.Index}]");
        }

        return parent.Property;
    }

    private static void Advance(List<Container> containers)
    {
        if (containers.Count > 0 && containers[^1].IsArray)
        {
            containers[^1].Index++;
        }
    }

    // Called only when a violation is reported: the common, clean body never pays for it.
    private static string PathOf(List<Container> containers, string? property)
    {
        var builder = new StringBuilder();
        void Add(string? segment)
        {
            if (segment is null)
            {
                return;
            }

            if (builder.Length > 0 && !segment.StartsWith('['))
            {
                builder.Append('.');
            }

            builder.Append(segment);
        }

        foreach (var container in containers.Skip(1))
        {
            Add(container.Name);
        }

        var last = containers.Count == 0 ? null : containers[^1];
        Add(last is { IsArray: true } ? string.Create(CultureInfo.InvariantCulture, $"[{last.Index}]") : property);
        return builder.Length == 0 ? "body" : builder.ToString();
    }

    private static string? Check(ref Utf8JsonReader reader, TextKind kind, ref bool rewrite, out string? problem)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800"): not a character.
            problem = "Văn bản có ký tự Unicode không hợp lệ (surrogate lẻ) / The text holds an invalid Unicode character (an unpaired surrogate).";
            return null;
        }

        var check = TextPolicy.Check(text, kind);
        problem = check.Problem;
        if (!check.Accepted)
        {
            return text;
        }

        rewrite |= !ReferenceEquals(check.Value, text);
        return check.Value;
    }

    private static void Report(List<TextViolation> violations, string field, string message)
    {
        if (violations.Count < MaxViolations && !violations.Exists(v => v.Field == field))
        {
            violations.Add(new TextViolation(field, message));
        }
    }

    // Rare (a client sent decomposed Unicode): the body is written again token by token with every string in NFC.
    private static byte[] Normalize(ReadOnlySpan<byte> utf8)
    {
        var buffer = new ArrayBufferWriter<byte>(utf8.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            var reader = new Utf8JsonReader(utf8);
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                    case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                    case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                    case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                    case JsonTokenType.PropertyName: writer.WritePropertyName(reader.GetString()!.Normalize(NormalizationForm.FormC)); break;
                    case JsonTokenType.String: writer.WriteStringValue(reader.GetString()!.Normalize(NormalizationForm.FormC)); break;
                    case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
                    case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                    case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                    case JsonTokenType.Null: writer.WriteNullValue(); break;
                }
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    private sealed class Container(bool isArray, string? name)
    {
        public bool IsArray { get; } = isArray;

        public string? Name { get; } = name;

        public string? Property { get; set; }

        public int Index { get; set; } = -1;
    }
}
