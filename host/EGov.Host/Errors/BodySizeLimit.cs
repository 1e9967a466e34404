using EGov.Kernel;
using Microsoft.AspNetCore.Http.Features;

namespace EGov.Host.Errors;

/// <summary>
/// Caps the body of every non-multipart request (JSON commands are a few KiB; Kestrel's default of 30 MB invites
/// abuse). A declared oversize body is refused before it is read; an undeclared (chunked) one fails while being
/// read and <see cref="ProblemExceptionHandler"/> answers it. Either way: 413 problem+json and nothing stored.
/// Uploads (multipart) keep their own, larger limits.
/// </summary>
internal static class BodySizeLimit
{
    public const string ConfigKey = "Api:MaxJsonBodyBytes";
    public const long DefaultBytes = 1024 * 1024;

    public static void UseBodySizeLimit(this WebApplication app)
    {
        var max = app.Configuration.GetValue(ConfigKey, DefaultBytes);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.HasFormContentType && request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
            {
                await next(context);
                return;
            }

            if (request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Type = ProblemTypes.PayloadTooLarge,
                        Title = "Dữ liệu quá lớn / Payload too large",
                        Detail = $"Nội dung yêu cầu vượt quá {max} byte / The request body exceeds the limit of {max} bytes.",
                    },
                });
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = max;
            }

            await next(context);
        });
    }
}
