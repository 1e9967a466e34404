using EGov.Calendar;
using EGov.Catalog;
using EGov.Documents.Access;
using EGov.Documents.Model;
using EGov.Documents.Reuse;
using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Documents.Http;

/// <summary>One requirement of a procedure and the owner's documents that meet it.</summary>
public sealed record PrefillRequirementDto(string Type, string Name, bool Mandatory, bool Met, IReadOnlyList<DocumentDto> Documents);

/// <summary>Which of a procedure's required documents the owner's vault already holds (unexpired), by type.</summary>
public sealed record PrefillDto(string ProcedureCode, string OwnerIdNumber, IReadOnlyList<PrefillRequirementDto> Requirements, IReadOnlyList<string> Missing)
{
    /// <summary>The ids to put in the dossier's <c>documentIds</c>: the newest matching document of each met requirement.</summary>
    public IReadOnlyList<Guid> DocumentIds => Requirements.Where(r => r.Met).Select(r => r.Documents[0].Id).Distinct().ToArray();
}

/// <summary>
/// <c>GET /api/v1/procedures/{code}/prefill?ownerIdNumber=</c>: the owner, or a desk officer of the procedure's
/// unit serving them at the counter who declared the owner's consent (<see cref="DeskConsentEndpoints"/>), sees what
/// the vault already covers so nothing is uploaded twice.
/// </summary>
public static class PrefillEndpoint
{
    /// <summary>Prefill an intake (điền sẵn): the applicant's vault documents a procedure asks for.</summary>
    [Authorize(Policy = Policies.Authenticated)]
    [WolverineGet("/api/v1/procedures/{code}/prefill", OperationId = "prefillProcedure")]
    [Tags("Documents")]
    [ProducesResponseType<PrefillDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> Get(
        string code, HttpContext http, ProcedureCatalog catalog, DocumentVault vault, DeskConsents consents, DocumentTypeCatalog types, BusinessTimeZone zone,
        string? ownerIdNumber)
    {
        if (catalog.FindProcedure(code) is not { } procedure)
        {
            return DocumentProblems.UnknownProcedure(code);
        }

        var caller = CallerFactory.From(http.User);
        var owner = ownerIdNumber ?? (caller.Has(Roles.Citizen) ? caller.CitizenId : null);
        if (!OwnerId.IsValid(owner))
        {
            return ProblemResults.Invalid("ownerIdNumber", "Cần số định danh hoặc mã số thuế của chủ giấy tờ / ownerIdNumber (citizen id or tax code) is required.");
        }

        var isOwner = DocumentAccessRules.IsOwner(caller, owner!);
        var servingDesk = caller.IsOfficerOf(procedure.Definition.UnitCode, Roles.DeskOfficer);
        if (!isOwner && !servingDesk)
        {
            return DocumentProblems.Forbidden(
                "Chỉ chủ giấy tờ hoặc cán bộ một cửa của đơn vị giải quyết thủ tục / Only the owner or a desk officer of the procedure's unit may prefill.");
        }

        // Listing a citizen's papers tells what they hold (a death certificate, a divorce): the desk needs the citizen's
        // consent, declared and logged as a desk act, before it sees any of them.
        var act = isOwner ? null : await consents.ActiveAsync(owner!, procedure.Definition.Code, procedure.Definition.UnitCode, caller, http.RequestAborted);
        if (!isOwner && act is null)
        {
            return DocumentProblems.ConsentRequired(
                $"Cần sự đồng ý của công dân: khai báo tại POST /api/v1/procedures/{procedure.Definition.Code}/desk-consents (có lý do) trước khi tra giấy tờ trong kho / " +
                $"The citizen's consent is needed: declare it with a reason at POST /api/v1/procedures/{procedure.Definition.Code}/desk-consents before listing their vault documents.");
        }

        var now = vault.Now;
        var today = DateOnly.FromDateTime(zone.InZone(now).DateTime);
        var usable = (await vault.OfOwnerAsync(owner!, http.RequestAborted)).Where(d => !d.IsExpired(today)).ToArray();
        var requirements = procedure.Definition.RequiredDocuments.Select(r =>
        {
            var matches = usable.Where(d => d.Type == r.Type).OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.UploadedAt).ToArray();
            return (Requirement: r, Matches: matches);
        }).ToArray();

        var purpose = isOwner ? DocumentAccessRules.OwnerPurpose : $"prefill {procedure.Definition.Code} at the desk of {caller.Unit}; desk consent {act!.Id}";
        var read = requirements.SelectMany(r => r.Matches).DistinctBy(d => d.Id).Select(d => (d, purpose)).ToArray();
        if (read.Length > 0)
        {
            await vault.LogAsync(read, AccessKinds.Prefill, caller, http.RequestAborted);
        }

        return TypedResults.Ok(new PrefillDto(
            procedure.Definition.Code,
            owner!,
            requirements.Select(r => new PrefillRequirementDto(r.Requirement.Type, r.Requirement.Name, r.Requirement.Mandatory, r.Matches.Length > 0,
                r.Matches.Select(d => DocumentDto.From(d, types, zone)).ToArray())).ToArray(),
            requirements.Where(r => r.Requirement.Mandatory && r.Matches.Length == 0).Select(r => r.Requirement.Type).ToArray()));
    }
}
