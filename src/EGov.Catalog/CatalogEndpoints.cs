using EGov.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Catalog;

/// <summary>The public catalog: anyone may see which units and procedures the province offers.</summary>
public static class CatalogEndpoints
{
    /// <summary>List the units (đơn vị) that receive dossiers.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/v1/units", OperationId = "listUnits")]
    [Tags("Catalog")]
    public static IReadOnlyList<UnitDto> GetUnits(ProcedureCatalog catalog) =>
        catalog.Units.Select(u => u.ToDto()).ToArray();

    /// <summary>List the administrative procedures (thủ tục hành chính) offered, optionally of one unit.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/v1/procedures", OperationId = "listProcedures")]
    [Tags("Catalog")]
    public static IReadOnlyList<ProcedureDto> GetProcedures(ProcedureCatalog catalog, string? unit) =>
        catalog.Procedures
            .Where(p => unit is null || string.Equals(p.Definition.UnitCode, unit, StringComparison.Ordinal))
            .Select(p => p.ToDto())
            .ToArray();

    /// <summary>Get a procedure (thủ tục) with its steps, documents and processing time.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/v1/procedures/{code}", OperationId = "getProcedure")]
    [Tags("Catalog")]
    [ProducesResponseType<ProcedureDetailDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static IResult GetProcedure(string code, ProcedureCatalog catalog) =>
        catalog.FindProcedure(code) is { } p
            ? TypedResults.Ok(p.ToDetailDto())
            : TypedResults.Problem(
                type: ProblemTypes.UnknownProcedure,
                title: "Không tìm thấy thủ tục / Procedure not found",
                detail: $"Không có thủ tục mã '{code}' / No procedure has the code '{code}'.",
                statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { ["code"] = "unknown-procedure" });
}
