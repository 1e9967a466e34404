using System.Text.Json;

namespace EGov.IntegrationTests.Fuzz;

/// <summary>Where a parameter travels, as OpenAPI names it.</summary>
public enum ParameterPlace
{
    Path,
    Query,
    Header,
}

/// <summary>One parameter of an operation, with its schema already stripped of <c>$ref</c> and <c>null</c> alternatives.</summary>
public sealed record OpenApiParameter(string Name, ParameterPlace Place, bool Required, SchemaShape Shape);

/// <summary>
/// One operation (method + path template) of the platform's OpenAPI document: what the fuzz enumerates.
/// <paramref name="Key"/> is <c>"POST /api/v1/dossiers"</c>, the name each test row and failure carries.
/// </summary>
public sealed record OpenApiOperation(
    string Key,
    string Method,
    string PathTemplate,
    string? OperationId,
    IReadOnlyList<OpenApiParameter> Parameters,
    SchemaShape? JsonBody,
    bool BodyRequired);

/// <summary>Reads the operations out of <c>/openapi/v1.json</c>.</summary>
public static class OpenApiDocumentReader
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static IReadOnlyList<OpenApiOperation> Operations(JsonElement document)
    {
        var schemas = new SchemaResolver(document);
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var p) ? p : default;
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var op))
                {
                    continue;
                }

                var parameters = new List<OpenApiParameter>();
                foreach (var source in new[] { shared, op.TryGetProperty("parameters", out var own) ? own : default })
                {
                    if (source.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    foreach (var parameter in source.EnumerateArray())
                    {
                        var place = parameter.GetProperty("in").GetString() switch
                        {
                            "path" => ParameterPlace.Path,
                            "query" => ParameterPlace.Query,
                            "header" => ParameterPlace.Header,
                            _ => (ParameterPlace?)null, // cookies: the API has none
                        };
                        if (place is null)
                        {
                            continue;
                        }

                        var required = parameter.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
                        var shape = parameter.TryGetProperty("schema", out var s) ? schemas.Shape(s) : SchemaShape.AnyString;
                        parameters.Add(new OpenApiParameter(parameter.GetProperty("name").GetString()!, place.Value, required, shape));
                    }
                }

                SchemaShape? body = null;
                var bodyRequired = false;
                if (op.TryGetProperty("requestBody", out var requestBody))
                {
                    bodyRequired = requestBody.TryGetProperty("required", out var br) && br.ValueKind == JsonValueKind.True;
                    if (requestBody.TryGetProperty("content", out var content)
                        && content.TryGetProperty("application/json", out var json)
                        && json.TryGetProperty("schema", out var bodySchema))
                    {
                        body = schemas.Shape(bodySchema);
                    }
                }

                var upper = method.ToUpperInvariant();
                operations.Add(new OpenApiOperation(
                    $"{upper} {path.Name}", upper, path.Name,
                    op.TryGetProperty("operationId", out var id) ? id.GetString() : null,
                    parameters, body, bodyRequired));
            }
        }

        return operations;
    }
}
