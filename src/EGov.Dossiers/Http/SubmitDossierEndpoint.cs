using EGov.Dossiers.Grain;
using EGov.Dossiers.Intake;
using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;
using EGov.Kernel;
using EGov.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Dossiers.Http;

/// <summary>The body of <c>POST /api/v1/dossiers</c>.</summary>
/// <param name="Details">The procedure's own form fields (e.g. <c>enterpriseName</c>): checked against the form the catalog
/// publishes for the procedure (<c>GET /api/v1/procedures/{code}</c>, <c>form</c>), then by the module's validators.</param>
public sealed record SubmitDossierRequest(string? ProcedureCode, Channel? Channel, Applicant? Applicant, IReadOnlyList<Guid>? DocumentIds,
    IReadOnlyDictionary<string, string>? Details = null);

/// <summary>Intake: a citizen submits online, a desk officer receives at the desk or from the post.</summary>
public static class SubmitDossierEndpoint
{
    public const int MaxDocuments = 100;
    public const int MaxIdempotencyKeyLength = 128;

    /// <summary>Submit a dossier (nộp hồ sơ): online by a citizen, at the desk or by post by a desk officer.</summary>
    [Authorize(Policy = Policies.Intake)]
    [WolverinePost("/api/v1/dossiers", OperationId = "submitDossier")]
    [Tags("Dossiers")]
    [ProducesResponseType<DossierDto>(StatusCodes.Status201Created)]
    [ProducesResponseType<DossierDto>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public static async Task<IResult> Post(
        SubmitDossierRequest request,
        HttpContext http,
        DossierOpener opener,
        IGrainFactory grains,
        PlatformClock clock,
        IDeadlines deadlines,
        IntakeChecks checks,
        IDocumentReuseConsent consent)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.ProcedureCode))
        {
            errors.Add(new("procedureCode", "Mã thủ tục là bắt buộc / procedureCode is required."));
        }

        if (request.Channel is null)
        {
            errors.Add(new("channel", "Kênh nộp là bắt buộc: Online, Desk hoặc Post / channel is required: Online, Desk or Post."));
        }

        errors.AddRange(ApplicantValidator.Validate(request.Applicant));
        if (request.DocumentIds is { Count: > MaxDocuments })
        {
            errors.Add(new("documentIds", $"Tối đa {MaxDocuments} giấy tờ / At most {MaxDocuments} documents."));
        }

        errors.AddRange(IntakeChecks.ValidateDetails(request.Details));
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > MaxIdempotencyKeyLength)
        {
            errors.Add(new("Idempotency-Key", $"Khóa tối đa {MaxIdempotencyKeyLength} ký tự / The key is at most {MaxIdempotencyKeyLength} characters."));
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var caller = CallerFactory.From(http.User);
        var idempotencyKey = key.Length == 0 ? null : key;
        var id = idempotencyKey is null ? Guid.CreateVersion7() : IdFromKey(caller.Subject, idempotencyKey);
        var applicant = Normalize(request.Applicant!);
        var details = request.Details ?? new Dictionary<string, string>();
        var command = new SubmitDossier(id, request.ProcedureCode!, request.Channel!.Value, applicant, request.DocumentIds ?? [], idempotencyKey, caller)
        {
            Details = details,
        };

        // Which procedure, and who may submit, is decided before any module looks at the content, so a refusal never
        // leaks to a stranger; the grain receives the admitted plan and decides neither again.
        var (plan, refused) = opener.Admit(command);
        if (plan is null)
        {
            return Problems.From(refused!);
        }

        var unit = plan.Unit;

        // The procedure's published form before any module: a value the schema can refuse costs no module call.
        if (checks.ValidateForm(plan.ProcedureCode, details) is { Count: > 0 } formErrors)
        {
            return ProblemResults.Validation(formErrors);
        }

        var check = await checks.RunAsync(command.ProcedureCode, unit, applicant.IdNumber, details, command.DocumentIds, http.RequestAborted);
        if (!check.Accepted)
        {
            return Problems.From(new DossierError(ErrorKind.NotAllowed, "intake-refused", check.Reason ?? "Hồ sơ không đạt yêu cầu / The intake was refused.", check.Field));
        }

        // Last before the grain: citing the applicant's vault documents needs their consent (docs/documents.md, "Consent").
        if (await consent.CheckAsync(new DocumentReuse(id, plan.ProcedureCode, unit, applicant.IdNumber, command.DocumentIds, caller), http.RequestAborted) is { } unconsented)
        {
            return Problems.From(unconsented);
        }

        var outcome = await grains.GetGrain<IDossierGrain>(id).Submit(command, plan);
        if (outcome.Error is not null)
        {
            return Problems.From(outcome.Error);
        }

        var dto = DossierDto.From(outcome.State!, caller, clock.GetUtcNow(), deadlines);
        return outcome.Created
            ? TypedResults.Created($"/api/v1/dossiers/{id}", dto)
            : TypedResults.Ok(dto);
    }

    /// <summary>The same caller and key always name the same dossier, so concurrent retries meet in one grain.</summary>
    public static Guid IdFromKey(string subject, string key) => DeterministicGuid.From($"egov-intake\n{subject}\n{key}");

    private static Applicant Normalize(Applicant a) =>
        new(a.IdNumber.Trim(), a.FullName.Trim(), Blank(a.Phone), Blank(a.Email), Blank(a.Address));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
