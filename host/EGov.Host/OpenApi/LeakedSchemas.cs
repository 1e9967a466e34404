using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// An endpoint that returns <c>IResult</c> has its answer's type in <c>ProducesResponseType</c>; where a framework
/// still describes the <c>IResult</c> itself (an interface with no data), the schema is a lie a generator would
/// turn into an empty class. Such content is removed, and the component with it.
/// </summary>
internal sealed class LeakedSchemas : IOpenApiDocumentTransformer
{
    public static bool IsLeaked(string componentName) =>
        componentName is "IResult" or "IActionResult" || componentName.EndsWith("HttpResult", StringComparison.Ordinal);

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var operation in (document.Paths ?? new OpenApiPaths()).Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            foreach (var response in (operation.Responses ?? new OpenApiResponses()).Values.OfType<OpenApiResponse>())
            {
                var leaked = (response.Content ?? new Dictionary<string, OpenApiMediaType>())
                    .Where(c => c.Value.Schema is OpenApiSchemaReference r && r.Reference.Id is { } id && IsLeaked(id))
                    .Select(c => c.Key).ToList();
                foreach (var mediaType in leaked)
                {
                    response.Content!.Remove(mediaType);
                }
            }
        }

        if (document.Components?.Schemas is { } schemas)
        {
            foreach (var name in schemas.Keys.Where(IsLeaked).ToList())
            {
                schemas.Remove(name);
            }
        }

        return Task.CompletedTask;
    }
}
