namespace EGov.Host.OpenApi;

/// <summary>
/// <c>/openapi/v1.json</c>, shaped for client generators (issue 17): each transformer in this folder fixes one thing
/// the framework leaves out or gets wrong for this API; <c>OpenApiAgreementTests</c> holds the document to it.
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public static void AddEGovOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            o.AddSchemaTransformer<IntegerSchemas>();
            o.AddSchemaTransformer<ProblemSchema>();
            o.AddSchemaTransformer<DossierActionSchema>();
            o.AddSchemaTransformer<OptionalFields>();
            o.AddOperationTransformer<OperationText>();
            o.AddOperationTransformer<SecurityRequirements>();
            o.AddOperationTransformer<SuccessResponses>();
            o.AddOperationTransformer<ErrorResponses>();
            o.AddOperationTransformer<ConditionalRequests>();
            o.AddOperationTransformer<UploadBody>();
            o.AddOperationTransformer<DossierActionParameter>();
            o.AddOperationTransformer<RequestExamples>();
            o.AddDocumentTransformer<DocumentInfo>();
            o.AddDocumentTransformer<LeakedSchemas>();
        });
}
