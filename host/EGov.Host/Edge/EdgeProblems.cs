using EGov.Kernel;

namespace EGov.Host.Edge;

/// <summary>The edge's refusals: 400 problem+json with a stable <c>code</c>, bilingual titles, <c>errors</c> by field.</summary>
internal static class EdgeProblems
{
    public const string InvalidText = "invalid-text";
    public const string BodyRequired = "body-required";
    public const string MalformedJson = "malformed-json";

    public static Task InvalidTextAsync(HttpContext context, IReadOnlyList<TextViolation> violations) =>
        WriteAsync(context, ProblemTypes.Validation, InvalidText, "Dữ liệu không hợp lệ / Invalid input",
            "Văn bản có ký tự không được chấp nhận / Some text holds characters that are not accepted.",
            violations.GroupBy(v => v.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray(), StringComparer.Ordinal));

    public static Task BodyRequiredAsync(HttpContext context) =>
        WriteAsync(context, ProblemTypes.Validation, BodyRequired, "Thiếu nội dung yêu cầu / Request body required",
            "Cần một đối tượng JSON, không phải null hay rỗng / A JSON object is required, not null or nothing.",
            new Dictionary<string, string[]> { ["body"] = ["Cần một đối tượng JSON / A JSON object is required."] });

    public static Task MalformedJsonAsync(HttpContext context, string detail) =>
        WriteAsync(context, ProblemTypes.MalformedRequest, MalformedJson, "Yêu cầu không đọc được / Malformed request", detail,
            new Dictionary<string, string[]> { ["body"] = [detail] });

    private static async Task WriteAsync(HttpContext context, string type, string code, string title, string detail, Dictionary<string, string[]> errors)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status400BadRequest,
                Type = type,
                Title = title,
                Detail = detail,
                Extensions = { ["code"] = code, ["errors"] = errors },
            },
        });
    }
}
