using System.Globalization;
using EGov.Kernel;
using Marten;
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
        catalog.FindProcedure(code) is { } p ? TypedResults.Ok(p.ToDetailDto()) : UnknownProcedure(code);

    /// <summary>Get a procedure as it was published under one version (phiên bản): the entry recorded when a node first served it.</summary>
    [AllowAnonymous]
    [WolverineGet("/api/v1/procedures/{code}/versions/{version}", OperationId = "getProcedureVersion")]
    [Tags("Catalog")]
    [ProducesResponseType<ProcedureDetailDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> GetProcedureVersion(string code, string version, IQuerySession session, CancellationToken cancellationToken)
    {
        // The record's own text, byte for byte: what was published then, not today's DTO shape re-serialised.
        var record = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1
            ? await session.LoadAsync<ProcedureVersionRecord>(ProcedureVersionRecord.IdOf(code, v), cancellationToken)
            : null;
        return record is null
            ? TypedResults.Problem(
                type: ProblemTypes.UnknownProcedure,
                title: "Không tìm thấy phiên bản thủ tục / Procedure version not found",
                detail: $"Thủ tục '{code}' chưa từng được công bố với phiên bản '{version}' / Procedure '{code}' was never published under version '{version}'.",
                statusCode: StatusCodes.Status404NotFound,
                extensions: new Dictionary<string, object?> { ["code"] = "unknown-procedure-version" })
            : TypedResults.Text(record.Snapshot, "application/json", System.Text.Encoding.UTF8);
    }

    private static IResult UnknownProcedure(string code) => TypedResults.Problem(
        type: ProblemTypes.UnknownProcedure,
        title: "Không tìm thấy thủ tục / Procedure not found",
        detail: $"Không có thủ tục mã '{code}' / No procedure has the code '{code}'.",
        statusCode: StatusCodes.Status404NotFound,
        extensions: new Dictionary<string, object?> { ["code"] = "unknown-procedure" });
}
