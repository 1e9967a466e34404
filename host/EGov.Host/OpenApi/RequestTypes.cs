namespace EGov.Host.OpenApi;

/// <summary>
/// The request records some transformers refine, by type name: they live in the areas' <c>Http</c> namespaces, which
/// the host does not borrow from (NamespaceRulesTests); OpenApiAgreementTests fails if a rename leaves one unmatched.
/// </summary>
internal static class RequestTypes
{
    public const string DossierAction = "DossierActionRequest";
    public const string SubmitDossier = "SubmitDossierRequest";
    public const string DevToken = "DevTokenRequest";
}
