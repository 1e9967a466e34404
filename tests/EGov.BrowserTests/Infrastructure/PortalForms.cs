using System.Text.Json;
using Microsoft.Playwright;

namespace EGov.BrowserTests.Infrastructure;

/// <summary>Fills a procedure's own form in the portal from the schema the catalog publishes, as a citizen would.</summary>
internal static class PortalForms
{
    /// <summary>A valid value for every required field (and none for the optional ones), by the field's type.</summary>
    public static async Task FillRequiredAsync(this IPage page, JsonElement procedure)
    {
        if (!procedure.TryGetProperty("form", out var form) || form.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var field in form.GetProperty("fields").EnumerateArray())
        {
            if (!field.GetProperty("required").GetBoolean())
            {
                continue;
            }

            var control = page.Locator($"#f-{field.GetProperty("name").GetString()}");
            switch (field.GetProperty("type").GetString())
            {
                case "boolean":
                    await control.CheckAsync();
                    break;
                case "choice":
                    await control.SelectOptionAsync(field.GetProperty("choices")[0].GetProperty("value").GetString()!);
                    break;
                default:
                    await control.FillAsync(SampleValue(field));
                    break;
            }
        }
    }

    /// <summary>What a citizen would type for a field of this type, inside its range.</summary>
    public static string SampleValue(JsonElement field) => field.GetProperty("type").GetString() switch
    {
        "integer" => Bound(field, "min") ?? "1",
        "decimal" => Bound(field, "min") ?? "1.5",
        "date" => "15/01/1990",
        "email" => "an.nguyen@example.vn",
        "phone" => "0912345678",
        "multiline" => "Để bổ sung hồ sơ xin việc.\nBản sao có chứng thực.",
        _ => "Nguyễn Văn An",
    };

    private static string? Bound(JsonElement field, string name) =>
        field.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null;
}
