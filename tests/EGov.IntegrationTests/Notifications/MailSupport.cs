using System.Net.Http.Json;
using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;

namespace EGov.IntegrationTests.Notifications;

/// <summary>The citizen e-mail tests share one smtp4dev; each test mails its own fresh address.</summary>
[CollectionDefinition(nameof(MailCollection))]
public sealed class MailCollection : ICollectionFixture<Smtp4devServer>;

internal static class MailSupport
{
    /// <summary>An address no other test uses, at <paramref name="domain"/>.</summary>
    public static string NewAddress(string domain = "example.vn") => $"cd-{Guid.NewGuid():N}@{domain}";

    /// <summary>A desk intake like <see cref="Api.DeskIntake"/>, with the applicant's e-mail given.</summary>
    public static object DeskIntake(string procedureCode, string email, string channel = "Desk") => new
    {
        procedureCode,
        channel,
        applicant = new { idNumber = Api.NewCitizenId(), fullName = "Nguyễn Văn Thư", phone = "0912345678", email, address = "12 Lê Lợi, Tân Định" },
    };

    /// <summary>
    /// The mails to <paramref name="recipient"/> once at least <paramref name="count"/> arrived: smtp4dev stores a
    /// message a moment after its 250 reply, so the sender may record "sent" before the inbox shows it.
    /// </summary>
    public static async Task<IReadOnlyList<(string Subject, string Body)>> AwaitMailsAsync(this Smtp4devServer smtp, string recipient, int count)
    {
        IReadOnlyList<(string Subject, string Body)> mails = [];
        await DeadlineWarningTests.Eventually(async () => (mails = await smtp.MessagesToAsync(recipient)).Count >= count);
        return mails;
    }

    public static async Task<JsonElement[]> MessagesAsync(HttpClient officer, Guid id)
    {
        var response = await officer.GetAsync($"/api/v1/dossiers/{id}/messages", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET messages answered {(int)response.StatusCode}");
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).EnumerateArray()];
    }

    /// <summary>Waits until the dossier's message of <paramref name="kind"/> reached <paramref name="status"/>; returns it.</summary>
    public static async Task<JsonElement> AwaitStatusAsync(HttpClient officer, Guid id, string kind, string status, int seconds = 30)
    {
        JsonElement? found = null;
        await DeadlineWarningTests.Eventually(async () =>
        {
            found = (await MessagesAsync(officer, id)).FirstOrDefault(m => m.GetProperty("kind").GetString() == kind && m.GetProperty("status").GetString() == status);
            return found is { ValueKind: JsonValueKind.Object };
        }, seconds);
        return found!.Value;
    }
}
