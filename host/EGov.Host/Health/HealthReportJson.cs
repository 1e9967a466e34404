using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EGov.Host.Health;

/// <summary>
/// What <c>/health/live</c> and <c>/health/ready</c> answer: JSON with the overall status and each check's name,
/// status, duration and description (never an exception: its message may name a host, a user or a file), so an
/// operator sees which check failed and how slow it was; the status codes stay what orchestrators read (200 for
/// Healthy and Degraded, 503 for Unhealthy). A client that asks for <c>text/plain</c> only (an older probe
/// script) gets the bare status word as before.
/// </summary>
internal static class HealthReportJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.Headers.CacheControl = "no-store";
        if (WantsPlainText(context.Request))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(report.Status.ToString(), context.RequestAborted);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.Body.WriteAsync(Serialize(report, indented: false), context.RequestAborted).AsTask();
    }

    /// <summary>The JSON document (also printed by the <c>health --json</c> command).</summary>
    public static byte[] Serialize(HealthReport report, bool indented)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, indented ? Indented : default))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
            json.WriteStartArray("checks");
            foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("status", entry.Status.ToString());
                json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
                // A check that threw something it did not catch gets the exception's message as its description from the
                // framework; these endpoints are anonymous, so that message (a host, a user) is replaced by a fixed text.
                json.WriteString("description", entry.Exception is null ? entry.Description : "Kiểm tra gặp lỗi / The check failed (see the node's log)");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Plain text only when the client accepts text/plain and not JSON; no Accept, or <c>*/*</c>, gets JSON.</summary>
    private static bool WantsPlainText(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        if (accepted.Count == 0)
        {
            return false;
        }

        bool Accepts(string mediaType) =>
            accepted.Any(a => a.Quality is not 0 && a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase));
        return Accepts("text/plain") && !Accepts("application/json") && !accepted.Any(a => a.MatchesAllTypes);
    }
}
