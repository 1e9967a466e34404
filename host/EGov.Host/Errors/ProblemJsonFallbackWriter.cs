using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace EGov.Host.Errors;

/// <summary>
/// Writes problem+json when the framework's own writer declines because the client's <c>Accept</c> names no JSON
/// type (e.g. <c>Accept: application/xml</c>). Without it such a client got a 401, 404 or 406 as
/// <c>text/plain</c>; the API speaks only JSON, so a problem in JSON is the one answer it can give.
/// Registered after the default writer, so it only ever serves what that writer refuses.
/// </summary>
internal sealed class ProblemJsonFallbackWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Type ??= "about:blank";
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), jsonOptions.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}
