using System.Text;
using System.Text.Json.Nodes;

namespace EGov.IntegrationTests.Fuzz;

/// <summary>
/// Turns one operation of the OpenAPI document into requests: a valid baseline, then one request per mutation of one
/// path parameter, query parameter, header or body field, every other part left valid. Deterministic: the same
/// document and seeds give the same cases in the same order.
/// </summary>
public static class CaseGenerator
{
    public const string Baseline = "baseline";

    private const string Slot = "__egov_fuzz_slot__";

    /// <summary>The operation that takes a multipart upload (the document has no schema for it).</summary>
    private const string UploadOperation = "uploadDocument";

    /// <summary>The valid request, sent once per principal: which principals it works for picks who sends the mutations.</summary>
    public static FuzzCase BaselineFor(OpenApiOperation operation, FuzzSeeds seeds, Principal principal) =>
        new(Baseline, principal, operation.Method, Url(operation, seeds, null, null), [], ValidBody(operation, seeds));

    public static IReadOnlyList<FuzzCase> Mutations(OpenApiOperation operation, FuzzSeeds seeds, Principal principal)
    {
        var cases = new List<FuzzCase>();
        var body = ValidBody(operation, seeds);

        // Bodies first: the path and header mutations below never change state, but a body that is valid except for
        // harmless text (an action's reason) does, and every body mutation should meet the seeded state.
        if (operation.JsonBody is { } shape)
        {
            foreach (var (label, json) in JsonBodyMutations(operation, seeds, shape))
            {
                cases.Add(new($"body{label}", principal, operation.Method, Url(operation, seeds, null, null), [], FuzzBody.Json(json)));
            }
        }
        else if (operation.OperationId == UploadOperation)
        {
            foreach (var (label, upload) in UploadMutations(seeds))
            {
                cases.Add(new($"multipart{label}", principal, operation.Method, Url(operation, seeds, null, null), [], upload));
            }
        }
        else if (operation.Method is "POST" or "PUT" or "DELETE" or "PATCH")
        {
            cases.Add(new("body: unexpected JSON", principal, operation.Method, Url(operation, seeds, null, null), [], FuzzBody.Json("{\"a\":\"\\u0000\"}")));
            cases.Add(new("body: unexpected null", principal, operation.Method, Url(operation, seeds, null, null), [], FuzzBody.Json("null")));
        }

        foreach (var parameter in operation.Parameters.Where(p => p.Place == ParameterPlace.Query))
        {
            foreach (var value in BadValues.For(parameter.Shape, parameter.Name))
            {
                // A JSON-only value (an object) has no query form; null becomes "?name=" (present, empty).
                var text = value.Label == "null" ? "" : value.Url;
                if (text is null)
                {
                    continue;
                }

                cases.Add(new($"query {parameter.Name}: {value.Label}", principal, operation.Method,
                    Url(operation, seeds, null, (parameter, $"{parameter.Name}={text}")), [], body));
            }

            cases.Add(new($"query {parameter.Name}: repeated", principal, operation.Method,
                Url(operation, seeds, null, (parameter, $"{parameter.Name}=a&{parameter.Name}=b")), [], body));
        }

        cases.Add(new("query: unknown parameter with NUL", principal, operation.Method, Url(operation, seeds, null, null) + Join(Url(operation, seeds, null, null)) + "fuzz=%00", [], body));

        foreach (var parameter in operation.Parameters.Where(p => p.Place == ParameterPlace.Path))
        {
            foreach (var value in BadValues.For(parameter.Shape, parameter.Name))
            {
                // Null has no path form; an empty segment is the "empty" value.
                if (value.Url is null)
                {
                    continue;
                }

                cases.Add(new($"path {parameter.Name}: {value.Label}", principal, operation.Method,
                    Url(operation, seeds, (parameter.Name, value.Url), null), [], body)
                {
                    MalformedHttp = value.Url.Contains("%00", StringComparison.Ordinal),
                });
            }
        }

        foreach (var (name, value, label) in HeaderMutations(operation))
        {
            cases.Add(new($"header {name}: {label}", principal, operation.Method, Url(operation, seeds, null, null), [new(name, value)], body)
            {
                MalformedHttp = value.Any(char.IsControl),
            });
        }

        return cases;
    }

    private static IEnumerable<(string Name, string Value, string Label)> HeaderMutations(OpenApiOperation operation)
    {
        var changes = operation.Method != "GET";
        // Idempotency-Key and If-Match are the headers the API reads (or will): the document does not list them.
        // HttpClient refuses non-ASCII header values and line breaks (header injection) outright: those stay unsent.
        // Only requests that change something read the key: a GET gets the two that broke servers before.
        foreach (var value in BadValues.Strings().Where(v => v.Text is { } t && t.All(char.IsAscii) && !t.Contains('\n', StringComparison.Ordinal) && v.Label != "oversize"))
        {
            if (changes || value.Label == "NUL inside")
            {
                yield return ("Idempotency-Key", value.Text!, value.Label);
            }
        }

        yield return ("Idempotency-Key", new string('k', 4000), "oversize");
        yield return ("If-Match", "garbage", "not an entity tag");
        yield return ("If-Match", "\"999999999999999999999\"", "huge version");
        yield return ("If-Match", "W/\"-1\"", "weak, negative");
        yield return ("If-Match", "\"a\u0001b\"", "control chars");
        yield return ("Authorization", "Bearer garbage", "not a JWT");
        yield return ("Authorization", "Bearer " + new string('x', 4000), "oversize token");
        yield return ("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJmdXp6Iiwicm9sZSI6ImFkbWluIn0.", "alg none");
        yield return ("Authorization", "Basic ZnV6ejpmdXp6", "basic scheme");
        yield return ("Accept", "application/xml", "xml only");
        yield return ("Accept-Language", "xx-;q=abc,*;q=2", "malformed");
        if (operation.JsonBody is not null || operation.OperationId == UploadOperation)
        {
            yield return ("Content-Type", "text/plain", "text/plain");
            yield return ("Content-Type", "application/xml", "application/xml");
            yield return ("Content-Type", "application/json; charset=utf-32", "unsupported charset");
            yield return ("Content-Type", "multipart/form-data", "multipart without boundary");
            yield return ("Content-Type", "application/x-www-form-urlencoded", "form");
            yield return ("Content-Type", "garbage/", "malformed");
        }
    }

    private static IEnumerable<(string Label, string Json)> JsonBodyMutations(OpenApiOperation operation, FuzzSeeds seeds, SchemaShape shape)
    {
        var valid = BuildValid(operation, seeds, shape, "");
        yield return (": null", "null");
        yield return (": empty object", "{}");
        yield return (": array", "[" + valid.ToJsonString() + "]");
        yield return (": string", "\"fuzz\"");
        yield return (": number", "0");
        yield return (": empty", "");
        yield return (": truncated", valid.ToJsonString()[..^1]);
        yield return (": raw NUL byte", "{\0}");
        yield return (": nested 1000 deep", new string('[', 1000) + new string(']', 1000));
        yield return (": trailing garbage", valid.ToJsonString() + "}}");
        yield return (": unknown property with NUL", valid.ToJsonString()[..^1] + ",\"fuzz\\u0000\":\"\\u0000\"}");

        foreach (var (path, fieldShape) in Fields(shape, ""))
        {
            yield return ($" {path}: missing", Replace(valid, path, null));
            foreach (var value in BadValues.For(fieldShape, path[(path.LastIndexOf('.') + 1)..]))
            {
                if (value.Json is not null)
                {
                    yield return ($" {path}: {value.Label}", Replace(valid, path, value.Json));
                }
            }
        }
    }

    /// <summary>Every field a mutation targets: the top-level ones and those of nested objects (applicant.*).</summary>
    private static IEnumerable<(string Path, SchemaShape Shape)> Fields(SchemaShape shape, string prefix)
    {
        foreach (var (name, field) in shape.Properties ?? [])
        {
            var path = prefix + name;
            yield return (path, field);
            if (field.Kind == ShapeKind.Object && field.Properties is { Count: > 0 })
            {
                foreach (var nested in Fields(field, path + "."))
                {
                    yield return nested;
                }
            }
        }
    }

    private static FuzzBody? ValidBody(OpenApiOperation operation, FuzzSeeds seeds)
    {
        if (operation.JsonBody is { } shape)
        {
            return FuzzBody.Json(BuildValid(operation, seeds, shape, "").ToJsonString());
        }

        return operation.OperationId == UploadOperation
            ? new FuzzBody(Multipart.Write(seeds.UploadFields(), ValidFile(seeds)), Multipart.ContentType)
            : null;
    }

    private static Multipart.FilePart ValidFile(FuzzSeeds seeds) => new("giay-to.pdf", "application/pdf", Multipart.Pdf(13));

    private static JsonNode BuildValid(OpenApiOperation operation, FuzzSeeds seeds, SchemaShape shape, string prefix)
    {
        var body = new JsonObject();
        foreach (var (name, field) in shape.Properties ?? [])
        {
            var path = prefix + name;
            body[name] = field.Kind == ShapeKind.Object && field.Properties is { Count: > 0 }
                ? BuildValid(operation, seeds, field, path + ".")
                : seeds.BodyValue(operation, path, field);
        }

        return body;
    }

    /// <summary>The valid body with the field at <paramref name="path"/> replaced by raw JSON, or removed (null).</summary>
    private static string Replace(JsonNode valid, string path, string? json)
    {
        var copy = valid.DeepClone();
        var names = path.Split('.');
        var parent = copy.AsObject();
        foreach (var name in names[..^1])
        {
            parent = parent[name]!.AsObject();
        }

        if (json is null)
        {
            parent.Remove(names[^1]);
            return copy.ToJsonString();
        }

        parent[names[^1]] = Slot;
        return copy.ToJsonString().Replace($"\"{Slot}\"", json, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Label, FuzzBody Body)> UploadMutations(FuzzSeeds seeds)
    {
        var fields = seeds.UploadFields();

        // The vault answers a second upload of the same bytes with the first document (200) and stores nothing new:
        // each mutation carries bytes of its own, so a bad field meets the code that stores it.
        var unique = 0;
        Multipart.FilePart Fresh() => ValidFile(seeds) with { Bytes = Multipart.Pdf(1_000_000 + unique++) };
        foreach (var (name, _) in fields.Append(new("contentType", "")))
        {
            if (name != "contentType")
            {
                yield return ($" {name}: missing", Form(fields.Where(f => f.Key != name), Fresh()));
            }

            foreach (var value in BadValues.For(SchemaShape.AnyString, name).Where(v => v.Text is not null && v.Label != "oversize"))
            {
                yield return ($" {name}: {value.Label}", Form(With(fields, name, value.Text!), Fresh()));
            }

            yield return ($" {name}: oversize", Form(With(fields, name, new string('x', BadValues.OversizeInBody)), Fresh()));
        }

        yield return (" file: missing", Form(fields, null));
        yield return (" file: empty", Form(fields, Fresh() with { Bytes = [] }));
        yield return (" file: html", Form(fields, Fresh() with { Bytes = "<html><script>alert(1)</script></html>"u8.ToArray(), PartContentType = "text/html" }));
        yield return (" file: name with NUL", Form(fields, Fresh() with { FileName = "a\0b.pdf" }));
        yield return (" file: name with control chars", Form(fields, Fresh() with { FileName = "a\u0001\u001b.pdf" }));
        yield return (" file: name oversize", Form(fields, Fresh() with { FileName = new string('n', 8000) + ".pdf" }));
        yield return (" file: name traversal", Form(fields, Fresh() with { FileName = "../../../etc/passwd" }));
        yield return (" file: part content type garbage", Form(fields, Fresh() with { PartContentType = "garbage/" }));
        yield return (" file: declared PNG", Form(fields, Fresh() with { PartContentType = "image/png" }));
        yield return (" file: twice", Form(fields.Prepend(new("file", "not a file")), Fresh()));
        yield return (": not multipart (JSON)", FuzzBody.Json("{\"type\":\"x\"}"));
        yield return (": JSON null", FuzzBody.Json("null"));
        yield return (": empty", new FuzzBody([], Multipart.ContentType));
        yield return (": no closing boundary", new FuzzBody(Multipart.Write(fields, Fresh(), close: false), Multipart.ContentType));
        yield return (": garbage", new FuzzBody(Encoding.UTF8.GetBytes("--x\r\n\0\0\0"), Multipart.ContentType));
    }

    private static FuzzBody Form(IEnumerable<KeyValuePair<string, string>> fields, Multipart.FilePart? file) =>
        new(Multipart.Write(fields, file), Multipart.ContentType);

    private static IEnumerable<KeyValuePair<string, string>> With(IEnumerable<KeyValuePair<string, string>> fields, string name, string value) =>
        fields.Where(f => f.Key != name).Append(new(name, value));

    /// <summary>The operation's URL: path parameters at their valid values but <paramref name="path"/>; the valid query but <paramref name="query"/>.</summary>
    private static string Url(OpenApiOperation operation, FuzzSeeds seeds, (string Name, string Encoded)? path, (OpenApiParameter Parameter, string Pair)? query)
    {
        var url = new StringBuilder(operation.PathTemplate);
        foreach (var parameter in operation.Parameters.Where(p => p.Place == ParameterPlace.Path))
        {
            var encoded = path is { } p && p.Name == parameter.Name ? p.Encoded : Uri.EscapeDataString(seeds.PathValue(operation, parameter.Name));
            url.Replace("{" + parameter.Name + "}", encoded);
        }

        var pairs = new List<string>();
        var excluded = query is { } q ? FuzzSeeds.ExclusiveWith(operation, q.Parameter.Name) : [];
        foreach (var parameter in operation.Parameters.Where(p => p.Place == ParameterPlace.Query))
        {
            if (query is { } mutated && mutated.Parameter == parameter)
            {
                pairs.Add(mutated.Pair);
            }
            else if (!excluded.Contains(parameter.Name) && seeds.QueryValue(operation, parameter.Name) is { } value)
            {
                pairs.Add($"{parameter.Name}={Uri.EscapeDataString(value)}");
            }
        }

        if (pairs.Count > 0)
        {
            url.Append('?').AppendJoin('&', pairs);
        }

        return url.ToString();
    }

    private static string Join(string url) => url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
}
