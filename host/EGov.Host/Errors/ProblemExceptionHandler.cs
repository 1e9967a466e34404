using System.Text.Json;
using EGov.Kernel;
using Microsoft.AspNetCore.Diagnostics;

namespace EGov.Host.Errors;

/// <summary>
/// Turns request-shaped failures (unreadable JSON, wrong types, oversize bodies) into 4xx problem+json instead of a
/// 500; anything else is a 500 problem with a trace id and no internals.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, type, title, detail) = Classify(exception);
        if (status >= 500)
        {
            LogUnexpected(logger, exception, httpContext.Request.Path);
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
            },
        });
    }

    private static (int, string, string, string) Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                    return (413, ProblemTypes.PayloadTooLarge, "Dữ liệu quá lớn / Payload too large", "The request body exceeds the allowed size.");
                case JsonException json:
                    return (400, ProblemTypes.MalformedRequest, "Yêu cầu không đọc được / Malformed request",
                        $"The JSON body could not be read{(json.Path is null ? string.Empty : $" at {json.Path}")}.");
                case BadHttpRequestException bad:
                    return (bad.StatusCode, ProblemTypes.MalformedRequest, "Yêu cầu không hợp lệ / Bad request", "The request could not be read.");
                case FormatException or InvalidCastException when e.StackTrace?.Contains("Json", StringComparison.Ordinal) == true:
                    return (400, ProblemTypes.MalformedRequest, "Yêu cầu không đọc được / Malformed request", "A value in the body has the wrong type.");
            }
        }

        return (500, ProblemTypes.Unexpected, "Lỗi hệ thống / Unexpected error", "Something went wrong on our side; nothing was changed by this request.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, PathString path);
}
