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
        503 => "service-unavailable",
        >= 500 => "unexpected",
        _ => $"http-{status}",
    };

    /// <summary>Adds the trace id, and the status's code where the writer of the problem set none.</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        if (!problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
        }
    }
}
