using EGov.Kernel;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace EGov.Host.Edge;

/// <summary>
/// The one place where what a client sends is held to <see cref="TextPolicy"/> before any endpoint (core or module,
/// Wolverine or minimal API) sees it (docs/input.md): every query-string name and value, every route value, the
/// <c>Idempotency-Key</c> header, and every string of a JSON body (<see cref="JsonTextGuard"/>). A JSON body of
/// <c>null</c> (or nothing) where the endpoint declares one is refused here too, so no endpoint ever receives a null
/// request, and a body whose values do not convert to the endpoint's request type is refused with the field named
/// (<see cref="JsonBodyBinding"/>). Refusals are 400 problem+json with a stable <c>code</c> and <c>errors</c> keyed by field or parameter.
/// Runs after authorization: an unauthenticated caller learns nothing about the rule and costs no body read.
/// Multipart uploads are read by their endpoint, which applies the same policy to their fields.
/// </summary>
internal static class EdgeInput
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static void UseEdgeInput(this WebApplication app) => app.Use(async (context, next) =>
    {
        var violations = new List<TextViolation>();
        CheckQueryAndRoute(context.Request, violations);
        if (violations.Count > 0)
        {
            await EdgeProblems.InvalidTextAsync(context, violations);
            return;
        }

        if (ExpectsJsonBody(context) is { } accepts && IsJson(context.Request))
        {
            var body = await ReadBodyAsync(context.Request, context.RequestAborted);
            var scan = JsonTextGuard.Scan(body);
            switch (scan.Shape)
            {
                case JsonBodyShape.Empty or JsonBodyShape.Null when !accepts.IsOptional:
                    await EdgeProblems.BodyRequiredAsync(context);
                    return;
                case JsonBodyShape.Malformed:
                    await EdgeProblems.MalformedJsonAsync(context, scan.MalformedDetail!);
                    return;
                case JsonBodyShape.Value when scan.Violations.Count > 0:
                    await EdgeProblems.InvalidTextAsync(context, scan.Violations);
                    return;
            }

            var bytes = scan.Normalized ?? body;
            if (scan.Shape == JsonBodyShape.Value
                && JsonBodyBinding.FirstError(bytes, accepts.RequestType!, context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions) is { } wrong)
            {
                await EdgeProblems.InvalidValueAsync(context, wrong);
                return;
            }

            context.Request.Body = new MemoryStream(bytes, writable: false);
            context.Request.ContentLength = bytes.Length;
        }

        await next(context);
    });

    private static void CheckQueryAndRoute(HttpRequest request, List<TextViolation> violations)
    {
        foreach (var (name, values) in request.Query)
        {
            if (TextPolicy.FirstViolation(name, TextKind.SingleLine) is { } bad)
            {
                violations.Add(new("query", bad));
                continue;
            }

            foreach (var value in values)
            {
                if (value is not null && TextPolicy.FirstViolation(value, TextKind.SingleLine) is { } problem)
                {
                    violations.Add(new(name, problem));
                    break;
                }
            }
        }

        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && TextPolicy.FirstViolation(text, TextKind.SingleLine) is { } problem)
            {
                violations.Add(new(name, problem));
            }
        }

        foreach (var value in request.Headers[IdempotencyKeyHeader])
        {
            if (value is not null && TextPolicy.FirstViolation(value, TextKind.SingleLine) is { } problem)
            {
                violations.Add(new(IdempotencyKeyHeader, problem));
                break;
            }
        }
    }

    // The endpoint's declared JSON body (Wolverine and minimal APIs both publish it as IAcceptsMetadata).
    private static IAcceptsMetadata? ExpectsJsonBody(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
            .FirstOrDefault(a => a.RequestType is not null && a.ContentTypes.Any(IsJsonMediaType));

    // Wolverine reads a body without Content-Type as JSON, so the guard does too.
    private static bool IsJson(HttpRequest request) => string.IsNullOrEmpty(request.ContentType) || IsJsonMediaType(request.ContentType);

    private static bool IsJsonMediaType(string mediaType) =>
        mediaType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.StartsWith("text/json", StringComparison.OrdinalIgnoreCase)
        || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.Split(';')[0].EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    // Bounded by the body size limit set before this middleware (Api:MaxJsonBodyBytes): past it the read throws a
    // 413 that the exception handler answers.
    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)Math.Clamp(request.ContentLength ?? 4096, 0, 1024 * 1024));
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
