using EGov.Modules.Sdk;

namespace EGov.Catalog;

/// <summary>A unit as the public API lists it.</summary>
public sealed record UnitDto(string Code, string Name, string NameEn, string AgencyId, string Module);

/// <summary>A duration as the public API shows it: <c>{ "value": 3, "unit": "WorkingDays" }</c>.</summary>
public sealed record DurationDto(int Value, TimeUnit Unit);

/// <summary>A required document as listed by a procedure.</summary>
public sealed record RequiredDocumentDto(string Type, string Name, bool Mandatory);

/// <summary>A procedure as <c>GET /api/v1/procedures</c> lists it.</summary>
public record ProcedureDto(
    string Code,
    string Name,
    string Unit,
    string Module,
    string LegalBasis,
    DurationDto ProcessingTime,
    bool SameDay,
    OnlineLevel OnlineLevel,
    IReadOnlyList<RequiredDocumentDto> RequiredDocuments,
    decimal Fee,
    string? Unverified);

/// <summary>A processing step of a procedure.</summary>
public sealed record StepDto(string Id, string Name, string Unit, string Role, DurationDto TimeAllowance);

/// <summary>One procedure with its ordered steps.</summary>
public sealed record ProcedureDetailDto(
    string Code,
    string Name,
    string Unit,
    string Module,
    string LegalBasis,
    DurationDto ProcessingTime,
    bool SameDay,
    OnlineLevel OnlineLevel,
    IReadOnlyList<RequiredDocumentDto> RequiredDocuments,
    decimal Fee,
    string? Unverified,
    IReadOnlyList<StepDto> Steps,
    SupplementPolicy SupplementPolicy,
    int Version,
    FormDto Form)
    : ProcedureDto(Code, Name, Unit, Module, LegalBasis, ProcessingTime, SameDay, OnlineLevel, RequiredDocuments, Fee, Unverified);

internal static class CatalogMapping
{
    public static UnitDto ToDto(this CatalogUnit u) =>
        new(u.Definition.Code, u.Definition.Name, u.Definition.NameEn, u.Definition.AgencyId, u.Module);

    public static DurationDto ToDto(this ProcessingTime t) => new(t.Value, t.Unit);

    public static ProcedureDto ToDto(this CatalogProcedure p)
    {
        var d = p.Definition;
        return new ProcedureDto(d.Code, d.Name, d.UnitCode, p.Module, d.LegalBasis, d.ProcessingTime.ToDto(), d.SameDay,
            d.OnlineLevel, Documents(d), d.Fee, d.Unverified);
    }

    public static ProcedureDetailDto ToDetailDto(this CatalogProcedure p)
    {
        var d = p.Definition;
        return new ProcedureDetailDto(d.Code, d.Name, d.UnitCode, p.Module, d.LegalBasis, d.ProcessingTime.ToDto(), d.SameDay,
            d.OnlineLevel, Documents(d), d.Fee, d.Unverified,
            d.Steps.Select(s => new StepDto(s.Id, s.Name, s.UnitCode, s.Role, s.TimeAllowance.ToDto())).ToArray(),
            d.SupplementPolicy, d.Version, d.Form.ToDto());
    }

    private static RequiredDocumentDto[] Documents(ProcedureDefinition d) =>
        d.RequiredDocuments.Select(r => new RequiredDocumentDto(r.Type, r.Name, r.Mandatory)).ToArray();
}
