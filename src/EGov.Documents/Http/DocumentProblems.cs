using EGov.Documents.Access;
using EGov.Kernel;
using EGov.Web;
using Microsoft.AspNetCore.Http;

namespace EGov.Documents.Http;

/// <summary>The vault's problem+json answers, bilingual, with the platform's stable problem types.</summary>
public static class DocumentProblems
{
    public static IResult NotFound() =>
        Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Không tìm thấy / Not found", "not-found",
            "Không tìm thấy giấy tờ / Document not found.");

    public static IResult Forbidden(string detail) =>
        ProblemResults.Forbidden("forbidden", detail);

    public static IResult Denied(AccessDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Verdict == Verdict.Forbidden
            ? Forbidden("Bạn không có quyền với giấy tờ này / You may not do this with this document.")
            : NotFound();
    }

    /// <summary>A procedure code in the path that the catalog does not know (desk consent, prefill).</summary>
    public static IResult UnknownProcedure(string code) =>
        Problem(StatusCodes.Status404NotFound, ProblemTypes.UnknownProcedure, "Không tìm thấy thủ tục / Procedure not found", "unknown-procedure",
            $"Không có thủ tục mã '{code}' / No procedure has the code '{code}'.");

    /// <summary>A desk officer reached for a citizen's documents with no consent from them nor a declared desk act.</summary>
    public static IResult ConsentRequired(string detail) =>
        Problem(StatusCodes.Status403Forbidden, ProblemTypes.DocumentConsentRequired, "Cần sự đồng ý của chủ giấy tờ / The owner's consent is needed",
            VaultReuseConsent.Code, detail);

    public static IResult TooLarge(long max) =>
        Problem(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Dữ liệu quá lớn / Payload too large", "file-too-large",
            $"Tệp vượt quá {max} byte / The file exceeds the limit of {max} bytes.", new() { ["maxBytes"] = max });

    public static IResult UnsupportedMediaType(string detected) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Định dạng không được chấp nhận / Unsupported media type",
            "unsupported-media-type",
            $"Nội dung tệp là '{detected}'; chỉ nhận PDF, JPEG, PNG, XML, JSON / The file's bytes are '{detected}'; only PDF, JPEG, PNG, XML and JSON are accepted.",
            new() { ["detectedContentType"] = detected });

    public static IResult ContentMismatch(string declared, string detected) =>
        Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.ContentMismatch, "Nội dung không khớp khai báo / Content does not match the declared type",
            "content-mismatch",
            $"Khai báo '{declared}' nhưng nội dung là '{detected}' / Declared '{declared}' but the bytes are '{detected}'.",
            new() { ["declaredContentType"] = declared, ["detectedContentType"] = detected });

    public static IResult InUse() =>
        Problem(StatusCodes.Status409Conflict, ProblemTypes.DocumentInUse, "Giấy tờ đang được sử dụng / Document in use", "document-in-use",
            "Giấy tờ đã được dùng trong hồ sơ thủ tục hành chính nên phải được lưu giữ / The document is cited by a dossier, which the law requires to be kept.");

    public static IResult Malformed(string detail) =>
        Problem(StatusCodes.Status400BadRequest, ProblemTypes.MalformedRequest, "Yêu cầu không hợp lệ / Bad request", "malformed-upload", detail);

    private static IResult Problem(int status, string type, string title, string code, string detail, Dictionary<string, object?>? extensions = null) =>
        ProblemResults.Problem(status, type, title, code, detail, more: extensions);
}
