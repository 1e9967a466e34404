using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// One success code per operation: a generator makes one return type of it. An intake or upload answers 201 when it
/// creates and 200 when an Idempotency-Key (or the same file) replays an earlier request with the same body; 201 is
/// declared and the replay said in its description. A 500 the framework adds by default is dropped: a 5xx is never
/// a contract (it is a problem+json all the same).
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
            var kept = successes.Contains("201") ? "201" : successes[0];
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
}
