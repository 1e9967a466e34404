using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// Each secured operation names the bearer scheme and declares 401 (no or bad token) and 403 (every policy, even
/// <c>authenticated</c>, refuses a token without a platform role); anonymous ones (catalog, public lookup, calendar,
/// dev tokens) name none. Derived from the endpoint's own authorization metadata, so it cannot drift from what runs.
/// </summary>
internal sealed class SecurityRequirements : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!EndpointFacts.IsSecured(EndpointFacts.Metadata(context.Description)))
        {
            operation.Security = null;
            return Task.CompletedTask;
        }

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(DocumentInfo.BearerScheme, context.Document)] = [] },
        ];
        operation.Responses ??= new OpenApiResponses();
        ProblemResponses.Add(operation, context.Document, "401", "Chưa xác thực / No valid bearer token (code `unauthenticated`).");
        ProblemResponses.Add(operation, context.Document, "403", "Không có quyền / The token's roles or unit do not allow this (code `forbidden` or more precise).");
        return Task.CompletedTask;
    }
}
