using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// ASP.NET Core marks every constructor parameter of a request record <c>required</c>; these fields may be left out
/// (the endpoint reads a missing one as empty or none), so a generated client must not insist on them.
/// <see cref="DossierActionSchema"/> does the same for the action body, where no field is required.
/// </summary>
internal sealed class OptionalFields : IOpenApiSchemaTransformer
{
    private static readonly IReadOnlyDictionary<string, string[]> Optional = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [RequestTypes.SubmitDossier] = ["documentIds", "details"],
        [RequestTypes.DevToken] = ["unit", "citizenId"],
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && Optional.TryGetValue(context.JsonTypeInfo.Type.Name, out var fields) && schema.Required is { } required)
        {
            foreach (var field in fields)
            {
                required.Remove(field);
            }
        }

        return Task.CompletedTask;
    }
}
