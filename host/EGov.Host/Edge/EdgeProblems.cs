using EGov.Kernel;
using EGov.Web;

namespace EGov.Host.Edge;

/// <summary>
/// The edge's refusals: 400 problem+json with a stable <c>code</c>, bilingual titles, <c>errors</c> by field, built by
/// the same <see cref="ProblemResults"/> as the endpoints' answers and written from the middleware.
/// </summary>
internal static class EdgeProblems
{
    public const string BodyRequired = "body-required";
    public const string MalformedJson = "malformed-json";
    public const string InvalidValue = "invalid-value";

    public static Task InvalidTextAsync(HttpContext context, IReadOnlyList<TextViolation> violations) =>
        ProblemResults.InvalidText(violations).ExecuteAsync(context);

    public static Task BodyRequiredAsync(HttpContext context) =>
        ProblemResults.Problem(StatusCodes.Status400BadRequest, ProblemTypes.Validation, "Thiếu nội dung yêu cầu / Request body required", BodyRequired,
            "Cần một đối tượng JSON, không phải null hay rỗng / A JSON object is required, not null or nothing.",
            more: Errors("Cần một đối tượng JSON / A JSON object is required.")).ExecuteAsync(context);

    public static Task MalformedJsonAsync(HttpContext context, string detail) =>
        ProblemResults.Problem(StatusCodes.Status400BadRequest, ProblemTypes.MalformedRequest, "Yêu cầu không đọc được / Malformed request", MalformedJson,
            detail, more: Errors(detail)).ExecuteAsync(context);

    /// <summary>400 <c>invalid-value</c>: a value of the body that does not convert (an unknown enum name, a wrong JSON type, a number out of range).</summary>
    public static Task InvalidValueAsync(HttpContext context, TextViolation wrong) =>
        ProblemResults.Problem(StatusCodes.Status400BadRequest, ProblemTypes.Validation, ProblemResults.ValidationTitle, InvalidValue,
            "Một giá trị không đúng kiểu hoặc không được chấp nhận / A value has the wrong type or is not accepted.",
            more: Errors(wrong.Message, wrong.Field)).ExecuteAsync(context);

    private static Dictionary<string, object?> Errors(string message, string field = "body") =>
        new() { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } };
}
