using System.Text.Json;
using System.Text.RegularExpressions;

namespace EGov.IntegrationTests.Fuzz;

/// <summary>
/// What every 4xx problem must hold (issue 17): a stable kebab-case <c>code</c> (the state of a refusal goes in a field
/// of its own, never in the code), a title in Vietnamese and English ("... / ..."), and nothing internal anywhere in
/// the body: no .NET namespace (<c>System.</c>, <c>Microsoft.</c>, <c>EGov.</c>) and no stack frame.
/// </summary>
public static partial class ProblemContract
{
    /// <summary>Why the problem breaks the contract, or null when it holds. <paramref name="body"/> is the raw text, searched for internals.</summary>
    public static string? Violation(JsonElement problem, string body)
    {
        if (!problem.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String || code.GetString() is not { Length: > 0 } text)
        {
            return "the problem has no code";
        }

        if (!KebabCase().IsMatch(text))
        {
            return $"the code '{text}' is not kebab-case";
        }

        if (!problem.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String
            || title.GetString()!.Split(" / ") is not [{ Length: > 0 }, .., { Length: > 0 }])
        {
            return "the title is not \"Vietnamese / English\"";
        }

        return Internals().Match(body) is { Success: true } leak ? $"the body names an internal ('{leak.Value}')" : null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    // A namespace-qualified name (System.Text.Json.JsonException, EGov.Dossiers.Model.Channel, Microsoft.AspNetCore...)
    // or a stack frame ("   at Foo.Bar(...)", "at Foo.Bar() in /src/...").
    [GeneratedRegex(@"\b(System|Microsoft|EGov|Wolverine|JasperFx|Marten|Npgsql|Orleans)\.[A-Z][A-Za-z0-9_]*|\bat [A-Za-z_][A-Za-z0-9_.`<>]*\.[A-Za-z_<>][A-Za-z0-9_<>]*\(")]
    private static partial Regex Internals();
}
