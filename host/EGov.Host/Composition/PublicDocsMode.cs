namespace EGov.Host.Composition;

/// <summary>
/// Who may read the API reference (<c>/scalar</c>) and the OpenAPI document (<c>/openapi/v1.json</c>): the
/// <c>Api:PublicDocs</c> setting (docs/operations.md, "The API reference and the OpenAPI document").
/// </summary>
public enum PublicDocsMode
{
    /// <summary>Anyone who reaches the host. The default in Development (and tests).</summary>
    Anonymous,

    /// <summary>Only callers with a valid bearer token of the platform (any role): tools and generators with a token.</summary>
    Authenticated,

    /// <summary>Not served at all (404): the default outside Development; the committed docs/openapi/v1.json remains.</summary>
    Off,
}
