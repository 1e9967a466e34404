using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>Small helpers to speak the API as a client would.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static int _idCounter;

    /// <summary>A fresh, valid 12-digit citizen id, so tests never collide on applicant data.</summary>
    public static string NewCitizenId() => $"0791{Random.Shared.Next(0, 9999):D4}{Interlocked.Increment(ref _idCounter) % 10000:D4}";

    public static object DeskIntake(string procedureCode, string? idNumber = null, string channel = "Desk",
        IReadOnlyDictionary<string, string>? details = null, IReadOnlyList<Guid>? documentIds = null) => new
    {
        procedureCode,
        channel,
        applicant = new { idNumber = idNumber ?? NewCitizenId(), fullName = "Trần Thị Bình", phone = "0912345678", email = "binh@example.vn", address = "12 Lê Lợi, Tân Định" },
        details,
        documentIds,
    };

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var json = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {url} answered {(int)response.StatusCode}: {json}");
        return json;
    }
}
