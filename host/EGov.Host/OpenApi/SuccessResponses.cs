using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// One success code per operation: a generator makes one return type of it. An intake or upload answers 201 when it
/// creates and 200 when an Idempotency-Key (or the same file) replays an earlier request with the same body; 201 is
/// declared and the replay said in its description. Wolverine's default 200 (an <c>IResult</c>) beside a declared
/// 201/202/204 is dropped, as is the 204 it adds beside a streamed 200, and a 500 added by default: a 5xx is never a
/// contract (it is a problem+json all the same).
/// </summary>
internal sealed class SuccessResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Responses is not { } responses)
        {
            return Task.CompletedTask;
        }

        var successes = responses.Keys.Where(k => k.StartsWith('2')).Order(StringComparer.Ordinal).ToList();
        if (successes.Count > 1)
        {
            // Wolverine adds a default 200 (typed IResult) beside a declared 201/202/204, and a 204 beside a streamed 200.
            var described = successes.Where(s => !DescribesIResult(responses[s])).ToList();
            var kept = described.Contains("201") ? "201"
                : described.FirstOrDefault(s => responses[s].Content is { Count: > 0 }) ?? described.FirstOrDefault() ?? successes[0];
            foreach (var other in successes.Where(s => s != kept))
            {
                responses.Remove(other);
            }

            if (responses[kept] is OpenApiResponse response && kept == "201")
            {
                response.Description = "Created. A replay of an earlier request (an intake with the same Idempotency-Key, an upload of the same document) answers 200 with the same body.";
            }
        }

        responses.Remove("500");
        return Task.CompletedTask;
    }

    private static bool DescribesIResult(IOpenApiResponse response) =>
        response.Content?.Values.Any(m => m.Schema is OpenApiSchemaReference r && r.Reference.Id is { } id && LeakedSchemas.IsLeaked(id)) is true;
}
