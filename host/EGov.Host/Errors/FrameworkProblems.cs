using EGov.Kernel;
using Microsoft.AspNetCore.Mvc;

namespace EGov.Host.Errors;

/// <summary>
/// Rewrites a problem the framework wrote (ASP.NET Core's status pages, Wolverine's query-value and body-reading
/// answers) into the platform's shape: its English title and detail, which can name .NET types
/// (<c>System.DateTimeOffset</c>, <c>EGov.Dossiers.Model.DossierStatus</c>) or echo an exception's message, give way
/// to bilingual ones; its diagnostic extensions (<c>exceptionType</c>, <c>targetType</c>, byte positions) are dropped;
/// a query value that did not parse becomes 400 <c>invalid-value</c> with the parameter in <c>errors</c> and what it
/// accepts. A problem is the platform's own when its <c>type</c> is one of <see cref="ProblemTypes"/>: those are left alone.
/// </summary>
internal static class FrameworkProblems
{
    // Wolverine's answer to a query or header value that does not parse (RejectUnparseableQueryValues) names it here.
    private const string WolverineParameter = "parameter";

    public static bool IsFrameworks(ProblemDetails problem) =>
        problem.Type?.StartsWith(ProblemTypes.Prefix, StringComparison.Ordinal) != true;

    public static void Rewrite(ProblemDetails problem, int status)
    {
        var parameter = problem.Extensions.TryGetValue(WolverineParameter, out var p) ? p as string : null;
        var expected = parameter is null ? null : ExpectedValue.Named(ExpectedTypeName(problem.Detail));
        var code = problem.Extensions.TryGetValue("code", out var c) ? c : null;
        problem.Extensions.Clear();
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        if (parameter is not null && status == StatusCodes.Status400BadRequest)
        {
            problem.Type = ProblemTypes.Validation;
            problem.Title = EGov.Web.ProblemResults.ValidationTitle;
            problem.Detail = $"Tham số '{parameter}' không hợp lệ / The parameter '{parameter}' is not valid.";
            problem.Extensions["code"] = "invalid-value";
            problem.Extensions["errors"] = new Dictionary<string, string[]>
            {
                [parameter] = [expected is null ? "Giá trị không đúng kiểu / The value has the wrong type." : ExpectedValue.Describe(expected)],
            };
            return;
        }

        problem.Title = ProblemCodes.TitleForStatus(status) ?? problem.Title;
        problem.Detail = DetailForStatus(status);
    }

    /// <summary>A bilingual detail for a status whose problem the framework wrote, saying what the client can do about it.</summary>
    public static string? DetailForStatus(int status) => status switch
    {
        400 => "Không đọc được yêu cầu / The request could not be read.",
        401 => "Cần một mã truy cập hợp lệ (Authorization: Bearer ...) / A valid bearer token is required (Authorization: Bearer ...).",
        403 => "Bạn không có quyền thực hiện thao tác này / You may not do this.",
        404 => "Không có tài nguyên này / No such resource.",
        405 => "Tài nguyên này không nhận phương thức HTTP đó / This resource does not accept that HTTP method.",
        406 => "API chỉ trả lời JSON; hãy chấp nhận application/json / The API answers only JSON: accept application/json.",
        413 => "Dữ liệu gửi lên vượt quá giới hạn / The request body exceeds the allowed size.",
        415 => "Định dạng nội dung (Content-Type) không được thao tác này chấp nhận / This operation does not accept the request's Content-Type.",
        >= 500 => "Đã có lỗi phía hệ thống; hãy báo mã traceId nếu lỗi lặp lại / Something went wrong on our side; quote the traceId if it happens again.",
        _ => null,
    };

    // Wolverine's detail ends "... cannot be parsed to the expected type {type}"; the type is only read, never shown.
    private static string? ExpectedTypeName(string? detail)
    {
        const string Marker = "expected type ";
        var at = detail?.LastIndexOf(Marker, StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : detail![(at + Marker.Length)..].Trim().TrimEnd('.');
    }
}
