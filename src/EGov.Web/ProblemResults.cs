using EGov.Kernel;
using Microsoft.AspNetCore.Http;

namespace EGov.Web;

/// <summary>
/// The generic problem+json answers (RFC 9457) with stable types, a stable <c>code</c> extension and bilingual
/// titles; field errors go in <c>errors</c> keyed by field name. Each area maps its own errors onto <see cref="Problem"/>.
/// </summary>
public static class ProblemResults
{
    public const string ValidationTitle = "Dữ liệu không hợp lệ / Invalid input";
    public const string ForbiddenTitle = "Không có quyền / Forbidden";

    /// <summary>
    /// The one problem+json builder: <paramref name="field"/>, when given, carries <paramref name="detail"/> in
    /// <c>errors</c>; <paramref name="more"/> adds an area's own extensions (the vault's <c>maxBytes</c>, say).
    /// </summary>
    public static IResult Problem(int status, string type, string title, string code, string detail, string? field = null, IReadOnlyDictionary<string, object?>? more = null)
    {
        Dictionary<string, object?> extensions = more is null ? [] : new(more);
        extensions["code"] = code;
        if (field is not null)
        {
            extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        }

        return TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type, extensions: extensions);
    }

    public static IResult Validation(IEnumerable<FieldError> errors) =>
        TypedResults.Problem(
            detail: "Một số trường không hợp lệ / Some fields are invalid.",
            statusCode: StatusCodes.Status400BadRequest,
            title: ValidationTitle,
            type: ProblemTypes.Validation,
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "invalid-input",
                ["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            });

    public static IResult Invalid(string field, string message) => Validation([new FieldError(field, message)]);

    /// <summary>
    /// 400 <c>invalid-text</c>: text that broke the platform's text policy (docs/input.md), one entry in <c>errors</c>
    /// per field. The edge answers JSON, query strings and headers with it, the vault its upload form fields.
    /// </summary>
    public static IResult InvalidText(IReadOnlyList<TextViolation> violations) =>
        Problem(StatusCodes.Status400BadRequest, ProblemTypes.Validation, ValidationTitle, "invalid-text",
            "Văn bản có ký tự không được chấp nhận / Some text holds characters that are not accepted.",
            more: new Dictionary<string, object?>
            {
                ["errors"] = violations.GroupBy(v => v.Field, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray(), StringComparer.Ordinal),
            });

    /// <summary>403 with a stable <paramref name="code"/>: the caller is known but may not do this.</summary>
    public static IResult Forbidden(string code, string message) =>
        Problem(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, ForbiddenTitle, code, message);
}
