using EGov.Documents.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;

namespace EGov.Documents.Http;

/// <summary>The catalog of document types: public, like the procedure catalog that refers to it.</summary>
public static class DocumentTypesEndpoint
{
    /// <summary>List the document types (loại giấy tờ) the vault knows.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/v1/document-types", OperationId = "listDocumentTypes")]
    [Tags("Documents")]
    public static IReadOnlyList<DocumentType> Get(DocumentTypeCatalog types) => types.All.ToArray();
}
