using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// Integers and numbers typed as what they are. Web defaults read numbers from strings
/// (<c>JsonNumberHandling.AllowReadingFromString</c>), so ASP.NET Core writes <c>["integer","string"]</c> with a
/// digit pattern, which generators turn into a string or an untyped value. The API still accepts a quoted number
/// (nothing that worked breaks); the document promises the JSON number clients should send.
/// </summary>
internal sealed class IntegerSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type
            && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
            && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
