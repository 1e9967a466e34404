using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// The headers the endpoints read and write outside their signatures: <c>Idempotency-Key</c> on intake, <c>ETag</c>
/// on a dossier's reads and actions, <c>If-Match</c> (and its 412) on actions (docs/api.md).
/// </summary>
internal sealed class ConditionalRequests : IOpenApiOperationTransformer
{
    public const string SubmitDossier = "submitDossier";
    public const string GetDossier = "getDossier";
    public const string ActOnDossier = "actOnDossier";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        switch (operation.OperationId)
        {
            case SubmitDossier:
                AddHeaderParameter(operation, "Idempotency-Key",
                    "Khóa chống gửi trùng / A key of the client's choosing (a UUID, at most 128 characters): the same caller and key always "
                    + "name the same dossier, so a retry after a lost answer returns it (200) instead of opening a second one; the same key "
                    + "with a different body is 422 `idempotency-key-reused`.",
                    new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 128 }, "5f0c2a57-8d1e-4c1b-9a1e-2b7f3c9d6e41");
                break;
            case GetDossier:
                AddETag(operation);
                break;
            case ActOnDossier:
                AddHeaderParameter(operation, "If-Match",
                    "Phiên bản đã đọc / The dossier's `ETag` as read (e.g. `\"7\"`): the action applies only to that version, else 412 "
                    + "`stale-version`. The HTTP form of `expectedVersion`; giving both with different versions is 400 `invalid-input`.",
                    new OpenApiSchema { Type = JsonSchemaType.String }, "\"7\"");
                AddETag(operation);
                ProblemResponses.Add(operation, context.Document, "412",
                    "Đã thay đổi / The dossier is no longer at the `If-Match` version (code `stale-version`): read it again and decide anew.");
                break;
        }

        return Task.CompletedTask;
    }

    private static void AddHeaderParameter(OpenApiOperation operation, string name, string description, OpenApiSchema schema, string example)
    {
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = schema,
            Example = JsonValue.Create(example),
        });
    }

    private static void AddETag(OpenApiOperation operation)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) is not true || ok is not OpenApiResponse response)
        {
            return;
        }

        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers["ETag"] = new OpenApiHeader
        {
            Description = "Phiên bản hồ sơ / The dossier's version as a strong entity tag (`\"7\"` is version 7): send it back in `If-Match`.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = JsonValue.Create("\"7\""),
        };
    }
}
