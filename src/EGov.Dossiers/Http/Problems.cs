using EGov.Dossiers.Lifecycle;
using EGov.Kernel;
using EGov.Web;
using Microsoft.AspNetCore.Http;

namespace EGov.Dossiers.Http;

/// <summary>The dossier errors as problem+json answers; the generic answers and the builder are <see cref="ProblemResults"/>.</summary>
public static class Problems
{
    public static IResult From(DossierError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (status, type, title) = error.Kind switch
        {
            ErrorKind.NotFound when error.Code == "unknown-action" => (404, ProblemTypes.UnknownAction, "Không có thao tác này / Unknown action"),
            ErrorKind.NotFound => (404, ProblemTypes.NotFound, "Không tìm thấy / Not found"),
            ErrorKind.Forbidden when error.Code == "document-consent-required" => (403, ProblemTypes.DocumentConsentRequired, "Cần sự đồng ý của chủ giấy tờ / The owner's consent is needed"),
            ErrorKind.Forbidden => (403, ProblemTypes.Forbidden, ProblemResults.ForbiddenTitle),
            ErrorKind.NotAllowed when error.Code == "intake-refused" => (422, ProblemTypes.IntakeRefused, "Hồ sơ không được tiếp nhận / Intake refused"),
            ErrorKind.NotAllowed => (422, ProblemTypes.ActionNotAllowed, "Thao tác không được phép lúc này / Action not allowed now"),
            // 422, not 409 (IETF idempotency-key draft): the request is wrong for its key; retrying it never helps.
            ErrorKind.Conflict when error.Code == "idempotency-key-reused" => (422, ProblemTypes.IdempotencyConflict, "Khóa đã dùng cho yêu cầu khác / Idempotency-Key reused"),
            // 409: the dossier is not in the state the action needs (no draft yet), which a reload may change; not a version clash.
            ErrorKind.Conflict when error.Code == "no-apology-draft" => (409, ProblemTypes.ActionNotAllowed, "Chưa có dự thảo phiếu xin lỗi / No apology draft"),
            ErrorKind.Conflict => (409, ProblemTypes.VersionConflict, "Xung đột phiên bản / Version conflict"),
            ErrorKind.Invalid when error.Code == "unknown-procedure" => (422, ProblemTypes.UnknownProcedure, "Không có thủ tục này / Unknown procedure"),
            _ => (400, ProblemTypes.Validation, ProblemResults.ValidationTitle),
        };
        return ProblemResults.Problem(status, type, title, error.Code, error.Message, error.Field, Variables(error));
    }

    // What varies in a refusal is a field of the problem, never part of its code: a client switches on the code.
    private static Dictionary<string, object?>? Variables(DossierError error)
    {
        if (error.State is null && error.Action is null)
        {
            return null;
        }

        var more = new Dictionary<string, object?>();
        if (error.State is not null)
        {
            more["state"] = error.State;
        }

        if (error.Action is not null)
        {
            more["action"] = error.Action;
        }

        return more;
    }

    public static IResult NotFound() =>
        From(new DossierError(ErrorKind.NotFound, "not-found", "Không tìm thấy hồ sơ / Dossier not found."));
}
