using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>Error responses as the API writes them: <c>application/problem+json</c> with the problem schema.</summary>
internal static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    /// <summary>Adds <paramref name="status"/> unless the endpoint declared it already (its own description wins).</summary>
    public static void Add(OpenApiOperation operation, OpenApiDocument? document, string status, string description)
    {
        operation.Responses ??= new OpenApiResponses();
        if (operation.Responses.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema.Name, document) },
            },
        };
    }
}
