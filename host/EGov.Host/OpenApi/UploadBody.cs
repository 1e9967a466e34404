using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>
/// <c>uploadDocument</c> reads its multipart form itself (streamed to disk, UploadForm), so the framework sees no
/// body; this describes the form its code reads (src/EGov.Documents/Http/UploadDocumentEndpoint.cs).
/// </summary>
internal sealed class UploadBody : IOpenApiOperationTransformer
{
    public const string UploadDocument = "uploadDocument";
    public const string FormContentType = "multipart/form-data";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId != UploadDocument)
        {
            return Task.CompletedTask;
        }

        static OpenApiSchema Text(string description, int? maxLength = null, string? format = null) =>
            new() { Type = JsonSchemaType.String, Description = description, MaxLength = maxLength, Format = format };

        var form = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "file", "type" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["file"] = Text("Tệp giấy tờ / The document's bytes (PDF, JPEG, PNG, signed XML or JSON; the bytes decide the stored content type).", format: "binary"),
                ["type"] = Text("Loại giấy tờ / A document type code from `GET /api/v1/document-types`."),
                ["ownerIdNumber"] = Text("Chủ giấy tờ / The owner's 12-digit citizen id or tax code; a citizen's own id when omitted by a citizen."),
                ["contentType"] = Text("Định dạng khai báo / The declared content type; else the file part's Content-Type. A contradiction with the bytes is 422."),
                ["issuer"] = Text("Cơ quan cấp / The issuing authority.", maxLength: 200),
                ["issuedOn"] = Text("Ngày cấp / Issue date (yyyy-MM-dd).", format: "date"),
                ["expiresOn"] = Text("Ngày hết hạn / Expiry date (yyyy-MM-dd), not before the issue date.", format: "date"),
            },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Biểu mẫu tải giấy tờ / The upload form.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [FormContentType] = new()
                {
                    Schema = form,
                    Encoding = new Dictionary<string, OpenApiEncoding> { ["file"] = new() { ContentType = "application/pdf, image/jpeg, image/png, application/xml, application/json" } },
                    Example = new JsonObject
                    {
                        ["type"] = "birth-certificate",
                        ["ownerIdNumber"] = "001099012345",
                        ["issuer"] = "UBND phường Tân Định",
                        ["issuedOn"] = "2024-03-15",
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
