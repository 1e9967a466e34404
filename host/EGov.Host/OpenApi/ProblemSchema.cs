using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// The problem schema as the API writes it (host/EGov.Host/Errors, src/EGov.Web/ProblemResults.cs): RFC 9457's
/// members plus the extensions every answer carries, <c>code</c> and <c>traceId</c>, and <c>errors</c> for field errors.
/// </summary>
internal sealed class ProblemSchema : IOpenApiSchemaTransformer
{
    /// <summary>The component name ASP.NET Core gives <see cref="ProblemDetails"/>.</summary>
    public const string Name = nameof(ProblemDetails);

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type) || context.JsonPropertyInfo is not null)
        {
            return Task.CompletedTask;
        }

        schema.Description = "Một lỗi / A problem (RFC 9457). Switch on `code`, not on `title` or `detail`, which are bilingual text for people.";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$",
            Description = "Mã lỗi ổn định / The stable, kebab-case error code, e.g. `invalid-input`, `not-found`, `stale-version`, `unauthenticated`.",
            Examples = [JsonValue.Create("invalid-input")!],
        };
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Lỗi theo trường / Field errors: each field name (JSON path, query or header name) and its bilingual messages.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            Examples = [new JsonObject { ["applicant.idNumber"] = new JsonArray("Số định danh gồm 12 chữ số / The id number has 12 digits.") }],
        };
        schema.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Mã truy vết / The W3C trace id of the request, to quote to the operator.",
            Examples = [JsonValue.Create("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")!],
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add("code");
        schema.Required.Add("traceId");
        return Task.CompletedTask;
    }
}
