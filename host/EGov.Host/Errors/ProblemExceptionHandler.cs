using System.Globalization;
using System.Text.Json;
using EGov.Kernel;
using Microsoft.AspNetCore.Diagnostics;

namespace EGov.Host.Errors;

/// <summary>
/// Turns request-shaped failures (unreadable JSON, wrong types, oversize bodies) into 4xx problem+json instead of a
/// 500; a database or silo that cannot be reached into 503 with <c>Retry-After</c> (see <see cref="Unavailability"/>);
/// anything else is a 500 problem with a trace id and no internals. Only a 5xx is logged as an error (with its stack
/// trace); a 4xx is logged at Information in one line.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>How long a client is asked to wait before retrying after a 503: a database restart takes seconds.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, type, code, title, detail) = Classify(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(logger, httpContext.Request.Path, exception.GetType().Name, exception.Message);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
        else if (status >= 500)
        {
            LogUnexpected(logger, exception, httpContext.Request.Path);
        }
        else
        {
            // The client's mistake, not a fault: one line at Information, no stack trace, so bad input cannot flood the
            // error log or page an operator.
            LogClientError(logger, status, code, httpContext.Request.Path, exception.GetType().Name);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Type = type,
                Title = title,
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        });
    }

    private static (int Status, string Type, string Code, string Title, string Detail) Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                    return (413, ProblemTypes.PayloadTooLarge, "payload-too-large", "Dữ liệu quá lớn / Payload too large",
                        "Dữ liệu gửi lên vượt quá giới hạn / The request body exceeds the allowed size.");
                case JsonException json:
                    return (400, ProblemTypes.MalformedRequest, "malformed-request", "Yêu cầu không đọc được / Malformed request",
                        $"Không đọc được JSON / The JSON body could not be read{(json.Path is null ? string.Empty : $" at {json.Path}")}.");
                case BadHttpRequestException bad:
                    return (bad.StatusCode, ProblemTypes.MalformedRequest, "malformed-request", "Yêu cầu không hợp lệ / Bad request",
                        "Không đọc được yêu cầu / The request could not be read.");
                case FormatException or InvalidCastException when e.StackTrace?.Contains("Json", StringComparison.Ordinal) == true:
                    return (400, ProblemTypes.MalformedRequest, "malformed-request", "Yêu cầu không đọc được / Malformed request",
                        "Một giá trị sai kiểu / A value in the body has the wrong type.");
                case EGov.Calendar.CalendarRangeException:
                    // Endpoints check their own ranges first (docs/deadlines.md); this is the backstop for a walk
                    // that leaves the calendar's range from an in-range start (a deadline laid past 2299).
                    return (400, ProblemTypes.Validation, "out-of-range", "Ngoài phạm vi lịch / Outside the calendar's range",
                        $"Thời điểm hoặc số ngày vượt phạm vi lịch làm việc / An instant or count falls outside the working calendar's range ({EGov.Calendar.CalendarRange.Describe()}).");
            }
        }

        if (Unavailability.IsTransient(exception))
        {
            // The commit may have reached the database with only its acknowledgement lost: never say "nothing changed".
            return (503, ProblemTypes.ServiceUnavailable, "service-unavailable", "Tạm thời không phục vụ được / Service temporarily unavailable",
                "Không kết nối được cơ sở dữ liệu; kết quả của yêu cầu này có thể chưa biết. Hãy gửi lại sau ít giây với cùng Idempotency-Key " +
                "(hoặc cùng expectedVersion): yêu cầu gửi lại không tạo bản ghi thứ hai. / The database could not be reached, so the outcome " +
                "of this request may be unknown. Retry in a few seconds with the same Idempotency-Key (or the same expectedVersion): a retry " +
                "never makes a second record.");
        }

        // A genuine fault: whether anything was stored is not known here, so the answer does not claim either way.
        return (500, ProblemTypes.Unexpected, "unexpected", "Lỗi hệ thống / Unexpected error",
            "Đã có lỗi phía hệ thống; hãy xem lại hồ sơ trước khi gửi lại, và báo mã traceId nếu lỗi lặp lại. / Something went wrong on " +
            "our side; check the dossier's state before retrying, and quote the traceId if it happens again.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, PathString path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered {Status} {Code} on {Path}: the request could not be read ({ExceptionType})")]
    private static partial void LogClientError(ILogger logger, int status, string code, PathString path, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503 on {Path}: a dependency is unreachable ({ExceptionType}: {Reason})")]
    private static partial void LogUnavailable(ILogger logger, PathString path, string exceptionType, string reason);
}
