namespace EGov.Host.Errors;

/// <summary>
/// Every problem the API answers carries a stable <c>code</c>: our own endpoints set a precise one; an answer the
/// framework writes (an unauthenticated 401, an unknown route's 404, a body of the wrong JSON type that Wolverine
/// refuses) gets the code of its status, so a client can always switch on <c>code</c>.
/// </summary>
internal static class ProblemCodes
{
    public static string ForStatus(int status) => status switch
    {
        400 => "bad-request",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        406 => "not-acceptable",
        409 => "conflict",
        413 => "payload-too-large",
        415 => "unsupported-media-type",
        422 => "unprocessable",
        429 => "too-many-requests",
        408 => "request-timeout",
        411 => "length-required",
        414 => "uri-too-long",
        431 => "headers-too-large",
        503 => "service-unavailable",
        >= 500 => "unexpected",

        // A stable code, not one that varies with the status: the status itself is in the problem's "status".
        _ => "client-error",
    };

    /// <summary>A title in Vietnamese and English for a status whose problem the framework wrote (its titles are English only).</summary>
    public static string? TitleForStatus(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ / Bad request",
        401 => "Chưa xác thực / Unauthenticated",
        403 => "Không có quyền / Forbidden",
        404 => "Không tìm thấy / Not found",
        405 => "Phương thức không được hỗ trợ / Method not allowed",
        406 => "Không có định dạng phù hợp / Not acceptable",
        409 => "Xung đột / Conflict",
        413 => "Dữ liệu quá lớn / Payload too large",
        415 => "Định dạng không được chấp nhận / Unsupported media type",
        422 => "Không xử lý được / Unprocessable",
        429 => "Quá nhiều yêu cầu / Too many requests",
        408 => "Hết thời gian chờ yêu cầu / Request timeout",
        411 => "Thiếu độ dài nội dung / Length required",
        414 => "Địa chỉ quá dài / URI too long",
        431 => "Tiêu đề yêu cầu quá lớn / Request headers too large",
        503 => "Tạm thời không phục vụ được / Service temporarily unavailable",
        >= 500 => "Lỗi hệ thống / Unexpected error",
        _ => "Yêu cầu không được chấp nhận / Request refused",
    };

    /// <summary>
    /// Adds the trace id, the status's code where the writer of the problem set none, and a bilingual title in place of
    /// the framework's default; a problem the framework wrote is first put in the platform's shape (<see cref="FrameworkProblems"/>).
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (FrameworkProblems.IsFrameworks(problem))
        {
            FrameworkProblems.Rewrite(problem, status);
        }

        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        if (!problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = ForStatus(status);
        }

        // Our own problems already carry "Vietnamese / English" titles; only the framework's bare reason phrase is replaced.
        if ((problem.Title is null || problem.Title == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)) && TitleForStatus(status) is { } title)
        {
            problem.Title = title;
        }
    }
}
