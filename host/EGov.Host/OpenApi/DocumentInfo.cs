using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EGov.Host.OpenApi;

/// <summary>The document's title and overview, and the one security scheme every secured operation names.</summary>
internal sealed class DocumentInfo : IOpenApiDocumentTransformer
{
    /// <summary>The scheme's key in <c>components.securitySchemes</c>; operations refer to it by this name.</summary>
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "EGovPlatform API";
        document.Info.Version = OpenApiSetup.DocumentName;
        document.Info.Description =
            "Một cửa, một cửa liên thông — the province's one-stop shop for administrative procedures (thủ tục hành chính). "
            + "Errors are `application/problem+json` (RFC 9457) with a stable `code`, field errors in `errors`, and a `traceId`. "
            + "Retry an intake safely with an `Idempotency-Key`; act on the version you read with `If-Match` (the `ETag` of the dossier) "
            + "or `expectedVersion` (docs/api.md). "
            + "Text in bodies, query strings, route values and Idempotency-Key: no control characters (TAB, CR, LF only in free text "
            + "such as reason, purpose, address and details values), normalised to NFC; otherwise 400 invalid-text (docs/input.md).";

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT access token from the province's identity provider (the OIDC authority, `Auth:Authority`). "
                + "In Development, mint one with `POST /api/v1/dev/tokens` (mã thông báo thử nghiệm).",
        };
        return Task.CompletedTask;
    }
}
