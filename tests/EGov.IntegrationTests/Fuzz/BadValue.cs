using System.Text.Json;

namespace EGov.IntegrationTests.Fuzz;

/// <summary>
/// One hostile value and how it is written in each place it can travel. <see cref="Json"/> is raw JSON text (for
/// bodies), <see cref="Url"/> is already percent-encoded (path segments and query values), <see cref="Text"/> is the
/// raw string (headers, multipart fields). A null form means the value cannot travel there and is not sent there.
/// </summary>
public sealed record BadValue(string Label, string? Json, string? Url, string? Text)
{
    /// <summary>A string value, written the same way in every place.</summary>
    public static BadValue OfText(string label, string text) =>
        new(label, JsonSerializer.Serialize(text), Uri.EscapeDataString(text), text);

    /// <summary>A value written literally in JSON and as its text elsewhere (numbers, booleans).</summary>
    public static BadValue OfLiteral(string label, string literal) => new(label, literal, Uri.EscapeDataString(literal), literal);

    /// <summary>A value only a JSON body can carry (null, objects, arrays).</summary>
    public static BadValue OnlyJson(string label, string json) => new(label, json, null, null);
}
