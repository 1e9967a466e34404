using System.Text.Json;

namespace EGov.IntegrationTests.Fuzz;

/// <summary>
/// What one case got back, and whether that breaks the contract: no 5xx, and every 4xx a problem+json that meets
/// <see cref="ProblemContract"/> (a kebab-case <c>code</c>, a bilingual title, no .NET type names or stack frames).
/// </summary>
public sealed record FuzzOutcome(FuzzCase Case, int Status, string? MediaType, string Body, string? Violation)
{
    private const int Excerpt = 300;

    public bool Failed => Violation is not null;

    public static FuzzOutcome Of(FuzzCase fuzzCase, int status, string? mediaType, string body) =>
        new(fuzzCase, status, mediaType, body,
            fuzzCase.MalformedHttp && status == 400 && mediaType is null && body.Length == 0 ? null : Judge(status, mediaType, body));

    public static FuzzOutcome NoAnswer(FuzzCase fuzzCase, string why) => new(fuzzCase, 0, null, "", why);

    public string Describe() =>
        $"{Case.Name}: {(Status == 0 ? "no answer" : Status.ToString(System.Globalization.CultureInfo.InvariantCulture))} "
        + $"{MediaType ?? "(no content type)"} -- {Violation} -- {Shorten(Body)}";

    private static string? Judge(int status, string? mediaType, string body)
    {
        if (status >= 500)
        {
            return "server error";
        }

        if (status < 400)
        {
            return null;
        }

        if (mediaType != "application/problem+json")
        {
            return "a 4xx that is not application/problem+json";
        }

        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            if (problem.ValueKind != JsonValueKind.Object)
            {
                return "the problem is not a JSON object";
            }

            if (!problem.TryGetProperty("status", out var s) || !s.TryGetInt32(out var echoed) || echoed != status)
            {
                return "the problem's status does not match the response's";
            }

            return ProblemContract.Violation(problem, body);
        }
        catch (JsonException)
        {
            return "the problem is not JSON";
        }
    }

    private static string Shorten(string body)
    {
        var flat = body.ReplaceLineEndings(" ").Trim();
        return flat.Length <= Excerpt ? flat : flat[..Excerpt] + "…";
    }
}
