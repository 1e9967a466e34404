using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// Every 4xx the document declares is a problem+json with the problem schema, as every error the API writes is
/// (Wolverine declares a bare 404 on each endpoint, an unknown id or route); a bilingual description replaces the
/// framework's reason phrase.
/// </summary>
internal sealed class ErrorResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
        {
            if (!status.StartsWith('4') || response is not OpenApiResponse concrete)
            {
                continue;
            }

            if (concrete.Content is not { Count: > 0 } || !concrete.Content.ContainsKey(ProblemResponses.ContentType))
            {
                concrete.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemResponses.ContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema.Name, context.Document) },
                };
            }

            if (int.TryParse(status, out var code) && Errors.ProblemCodes.TitleForStatus(code) is { } title
                && (concrete.Description is null || concrete.Description == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code)))
            {
                concrete.Description = title;
            }
        }

        return Task.CompletedTask;
    }
}
