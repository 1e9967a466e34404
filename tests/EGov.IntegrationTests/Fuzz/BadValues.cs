using System.Globalization;
using System.Text;

namespace EGov.IntegrationTests.Fuzz;

/// <summary>
/// The catalogue of hostile values, chosen by a value's schema and, where the document says only "string" for what
/// is an instant or a date (<c>start</c>, <c>from</c>, <c>to</c>), by its name. Every list is fixed: the fuzz is
/// reproducible, and the seed only decides which cases fit in the budget.
/// </summary>
public static class BadValues
{
    /// <summary>Far past any field's limit, yet under Kestrel's 8 KiB request line so the request reaches the app.</summary>
    public const int OversizeInUrl = 3000;

    /// <summary>Far past any field's limit, well under the 1 MiB body limit.</summary>
    public const int OversizeInBody = 100_000;

    /// <summary>
    /// The mutations a budget sends first for every target, the ones that found defects before (issue 13): the rest
    /// of a target's mutations come after every target has had these.
    /// </summary>
    public static readonly IReadOnlySet<string> First = new HashSet<string>(StringComparer.Ordinal)
    {
        "null", "missing", "NUL inside", "control chars", "oversize", "wrong type: number", "wrong type: text",
        "instant max", "instant min", "date max", "int32 max", "int64 max + 1", "negative", "enum: unknown",
        "uuid: malformed", "array: NUL item", "map: NUL value", "not a JWT", "empty", "no closing boundary", "garbage",
    };

    private static readonly string[] InstantNames = ["start", "until", "dueFrom", "dueTo", "at", "since"];

    private static readonly string[] DateNames = ["from", "to", "issuedOn", "expiresOn", "date"];

    public static IReadOnlyList<BadValue> For(SchemaShape shape, string name)
    {
        var values = new List<BadValue> { new("null", "null", null, null) };
        switch (shape.Kind)
        {
            case ShapeKind.Integer:
            case ShapeKind.Number:
                values.AddRange(Numbers());
                values.Add(BadValue.OfText("wrong type: text", "abc"));
                values.Add(BadValue.OnlyJson("wrong type: object", "{}"));
                values.Add(BadValue.OnlyJson("wrong type: array", "[1]"));
                values.Add(BadValue.OfText("NUL", "1\0"));
                break;
            case ShapeKind.Boolean:
                values.Add(BadValue.OfText("wrong type: text", "maybe"));
                values.Add(BadValue.OfLiteral("wrong type: number", "2"));
                values.Add(BadValue.OfText("NUL", "true\0"));
                values.Add(BadValue.OnlyJson("wrong type: array", "[true]"));
                break;
            case ShapeKind.Array:
                values.AddRange(Arrays(shape));
                break;
            case ShapeKind.Object:
                values.AddRange(Objects(shape));
                break;
            default:
                values.AddRange(Strings());
                if (shape.Enum is { Count: > 0 } enumValues)
                {
                    values.AddRange(Enums(enumValues));
                }

                if (shape.IsUuid)
                {
                    values.AddRange(Uuids());
                }

                if (shape.IsInstant || InstantNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    values.AddRange(Instants());
                }

                if (shape.Format == "date" || DateNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    values.AddRange(Dates());
                }

                break;
        }

        return values;
    }

    public static IEnumerable<BadValue> Strings()
    {
        yield return BadValue.OfText("empty", "");
        yield return BadValue.OfText("whitespace", " \t ");
        yield return BadValue.OfText("NUL inside", "a\0b");
        yield return BadValue.OfText("NUL only", "\0");
        yield return BadValue.OfText("control chars", "a\u0001\u0007\u001b[2J\u007fb");
        yield return BadValue.OfText("CR LF", "a\r\nX-Injected: 1");
        yield return BadValue.OfText("oversize", new string('x', OversizeInBody)) with
        {
            Url = new string('x', OversizeInUrl),
            Text = new string('x', OversizeInUrl),
        };
        yield return BadValue.OfText("unicode bidi and zero-width", "\u202Egnp.exe\u200B\uFEFF");
        yield return BadValue.OfText("unicode not normalised", "Nguye\u0302\u0303n");
        yield return BadValue.OfText("unicode astral", "😀𝕏𠜎");
        // A lone surrogate is not valid UTF-16: JSON can still name it, a URL carries its (invalid) UTF-8 bytes.
        yield return new BadValue("unicode lone surrogate", "\"a\\ud800b\"", "a%ED%A0%80b", null);
        yield return new BadValue("invalid UTF-8", null, "a%C3%28b%FF", null);
        yield return new BadValue("bad percent escape", null, "%zz%", null);
        yield return BadValue.OfText("path traversal", "../../etc/passwd");
        yield return BadValue.OfText("SQL and LIKE metacharacters", "' OR 1=1 -- %_\\");
        yield return BadValue.OfLiteral("wrong type: number", "12345");
        yield return BadValue.OfLiteral("wrong type: boolean", "true");
        yield return BadValue.OnlyJson("wrong type: object", "{\"a\":1}");
        yield return BadValue.OnlyJson("wrong type: array", "[\"x\"]");
    }

    public static IEnumerable<BadValue> Numbers()
    {
        yield return BadValue.OfLiteral("zero", "0");
        yield return BadValue.OfLiteral("negative", "-1");
        yield return BadValue.OfLiteral("int32 min", int.MinValue.ToString(CultureInfo.InvariantCulture));
        yield return BadValue.OfLiteral("int32 max", int.MaxValue.ToString(CultureInfo.InvariantCulture));
        yield return BadValue.OfLiteral("int32 max + 1", "2147483648");
        yield return BadValue.OfLiteral("int64 max", long.MaxValue.ToString(CultureInfo.InvariantCulture));
        yield return BadValue.OfLiteral("int64 min", long.MinValue.ToString(CultureInfo.InvariantCulture));
        yield return BadValue.OfLiteral("int64 max + 1", "9223372036854775808");
        yield return BadValue.OfLiteral("400 digits", new string('9', 400));
        yield return BadValue.OfLiteral("1e308", "1e308");
        yield return BadValue.OfLiteral("1e400", "1e400");
        yield return BadValue.OfLiteral("fraction", "1.5");
        yield return BadValue.OfLiteral("negative zero", "-0");
        yield return BadValue.OfText("number as string", "7");
        yield return BadValue.OfText("hex", "0x10");
        yield return BadValue.OfText("NaN", "NaN");
    }

    public static IEnumerable<BadValue> Instants()
    {
        yield return BadValue.OfText("instant max", "9999-12-31T23:59:59Z");
        yield return BadValue.OfText("instant max, far west offset", "9999-12-31T23:59:59.9999999-14:00");
        yield return BadValue.OfText("instant min", "0001-01-01T00:00:00Z");
        yield return BadValue.OfText("instant min, far east offset", "0001-01-01T00:00:00+14:00");
        yield return BadValue.OfText("instant year 10000", "10000-01-01T00:00:00Z");
        yield return BadValue.OfText("instant 30 February", "2026-02-30T10:00:00+07:00");
        yield return BadValue.OfText("instant 25:61", "2026-03-02T25:61:00+07:00");
        yield return BadValue.OfText("instant without offset", "2026-03-02T10:00:00");
        yield return BadValue.OfText("instant offset +99:00", "2026-03-02T10:00:00+99:00");
        yield return BadValue.OfText("instant as epoch seconds", "1772420400");
        yield return BadValue.OfText("instant date only", "2026-03-02");
    }

    public static IEnumerable<BadValue> Dates()
    {
        yield return BadValue.OfText("date max", "9999-12-31");
        yield return BadValue.OfText("date min", "0001-01-01");
        yield return BadValue.OfText("date 30 February", "2026-02-30");
        yield return BadValue.OfText("date year 10000", "10000-01-01");
        yield return BadValue.OfText("date negative year", "-0001-01-01");
        yield return BadValue.OfText("date as instant", "2026-03-02T10:00:00Z");
    }

    public static IEnumerable<BadValue> Enums(IReadOnlyList<string> allowed)
    {
        yield return BadValue.OfText("enum: unknown", "NoSuchValue");
        yield return BadValue.OfText("enum: lower case", allowed[0].ToLowerInvariant());
        yield return BadValue.OfText("enum: padded", $" {allowed[0]} ");
        yield return BadValue.OfLiteral("enum: ordinal", "1");
        yield return BadValue.OfLiteral("enum: ordinal out of range", "999");
    }

    public static IEnumerable<BadValue> Uuids()
    {
        yield return BadValue.OfText("uuid: malformed", "not-a-uuid");
        yield return BadValue.OfText("uuid: empty", Guid.Empty.ToString());
        yield return BadValue.OfText("uuid: unknown", "0193e2f4-5a6b-7c8d-9e0f-a1b2c3d4e5f6");
        yield return BadValue.OfText("uuid: braces", "{0193e2f4-5a6b-7c8d-9e0f-a1b2c3d4e5f6}");
        yield return BadValue.OfText("uuid: 33 hex", "0193e2f45a6b7c8d9e0fa1b2c3d4e5f6a");
    }

    private static IEnumerable<BadValue> Arrays(SchemaShape shape)
    {
        var item = shape.Items?.IsUuid == true ? "\"0193e2f4-5a6b-7c8d-9e0f-a1b2c3d4e5f6\"" : "\"x\"";
        yield return BadValue.OnlyJson("array: empty", "[]");
        yield return BadValue.OnlyJson("array: null item", "[null]");
        yield return BadValue.OnlyJson("array: NUL item", "[\"a\\u0000b\"]");
        yield return BadValue.OnlyJson("array: control-char item", "[\"\\u0001\\u001b\"]");
        yield return BadValue.OnlyJson("array: malformed item", "[\"not-a-uuid-or-date\"]");
        yield return BadValue.OnlyJson("array: number item", "[12345]");
        yield return BadValue.OnlyJson("array: nested", "[[]]");
        yield return BadValue.OnlyJson("array: 10000 items", "[" + string.Join(',', Enumerable.Repeat(item, 10_000)) + "]");
        yield return BadValue.OnlyJson("array: oversize item", "[\"" + new string('x', OversizeInBody) + "\"]");
        yield return BadValue.OnlyJson("wrong type: string", "\"x\"");
        yield return BadValue.OnlyJson("wrong type: object", "{}");
    }

    private static IEnumerable<BadValue> Objects(SchemaShape shape)
    {
        yield return BadValue.OnlyJson("object: empty", "{}");
        yield return BadValue.OnlyJson("wrong type: string", "\"x\"");
        yield return BadValue.OnlyJson("wrong type: array", "[]");
        yield return BadValue.OnlyJson("wrong type: number", "1");
        if (shape.AdditionalProperties is not null)
        {
            yield return BadValue.OnlyJson("map: null value", "{\"k\":null}");
            yield return BadValue.OnlyJson("map: NUL value", "{\"k\":\"a\\u0000b\"}");
            yield return BadValue.OnlyJson("map: control-char value", "{\"k\":\"a\\u0001\\u001bb\"}");
            yield return BadValue.OnlyJson("map: NUL key", "{\"a\\u0000b\":\"v\"}");
            yield return BadValue.OnlyJson("map: empty key", "{\"\":\"v\"}");
            yield return BadValue.OnlyJson("map: number value", "{\"k\":12345}");
            yield return BadValue.OnlyJson("map: object value", "{\"k\":{}}");
            yield return BadValue.OnlyJson("map: oversize value", "{\"k\":\"" + new string('x', OversizeInBody) + "\"}");
            yield return BadValue.OnlyJson("map: oversize key", "{\"" + new string('k', OversizeInBody) + "\":\"v\"}");
            yield return BadValue.OnlyJson("map: 5000 keys", ManyKeys(5000));
        }
    }

    private static string ManyKeys(int count)
    {
        var json = new StringBuilder("{");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("\"k").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\":\"v\"");
        }

        return json.Append('}').ToString();
    }
}
