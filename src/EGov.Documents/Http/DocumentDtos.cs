using EGov.Calendar;
using EGov.Documents.Access;
using EGov.Documents.Model;

namespace EGov.Documents.Http;

/// <summary>The dossier that issued a document as its result.</summary>
public sealed record IssuedByDto(Guid DossierId, string DossierCode, string ProcedureCode, string Unit, DateTimeOffset At);

/// <summary>A vault document's metadata (api-v1.md: id, sha256, type, size, contentType, ownerIdNumber, and more).</summary>
public sealed record DocumentDto(
    Guid Id,
    string Sha256,
    string Type,
    long Size,
    string ContentType,
    string OwnerIdNumber,
    string? TypeName,
    string? Issuer,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn,
    DateTimeOffset UploadedAt,
    IssuedByDto? IssuedBy)
{
    public static DocumentDto From(VaultDocument d, DocumentTypeCatalog types, BusinessTimeZone zone, DocumentFacts? facts = null)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(zone);
        var issued = facts?.IssuedBy is { } i
            ? new IssuedByDto(i.Dossier.Id, i.Dossier.Code, i.Dossier.ProcedureCode, i.Dossier.Unit, zone.InZone(i.Reference.At))
            : null;
        return new DocumentDto(d.Id, d.Sha256, d.Type, d.Size, d.ContentType, d.OwnerIdNumber, types.Find(d.Type)?.Name,
            d.Issuer ?? issued?.Unit, d.IssuedOn ?? (issued is null ? null : DateOnly.FromDateTime(issued.At.DateTime)), d.ExpiresOn,
            zone.InZone(d.UploadedAt), issued);
    }
}

/// <summary>One read of a document (api-v1.md: at, actor, unit, purpose; plus what was read).</summary>
public sealed record AccessLogEntryDto(DateTimeOffset At, string Actor, string? Unit, string Purpose, string Kind);

/// <summary>An owner's grant to a unit.</summary>
public sealed record GrantDto(Guid Id, Guid DocumentId, string Unit, string Purpose, DateTimeOffset Until, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt, bool Active)
{
    public static GrantDto From(DocumentGrant g, DateTimeOffset now, BusinessTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(zone);
        return new GrantDto(g.Id, g.DocumentId, g.Unit, g.Purpose, zone.InZone(g.Until), zone.InZone(g.GrantedAt),
            g.RevokedAt is { } r ? zone.InZone(r) : null, g.IsActive(now));
    }
}

/// <summary>The body of <c>POST /api/v1/documents/{id}/grants</c>.</summary>
public sealed record GrantRequest(string? Unit, string? Purpose, DateTimeOffset? Until);
