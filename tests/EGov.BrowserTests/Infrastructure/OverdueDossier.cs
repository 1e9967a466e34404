using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.BrowserTests.Infrastructure;

/// <summary>Takes a dossier in at the STP desk and moves the platform's clock past its appointment.</summary>
internal static class OverdueDossier
{
    public const string Unit = "STP";
    public const string Officer = "desk-dash";

    public static async Task<JsonElement> CreateAsync(PagesFixture pages)
    {
        var desk = await pages.Host.ClientAsync(Officer, [Roles.DeskOfficer], Unit);
        var dossier = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake("TP-LLTP-01"));
        var due = dossier.GetProperty("dueAt").GetDateTimeOffset();
        if (pages.Travel.Now < due.AddMinutes(1))
        {
            await pages.Travel.ToAsync(pages.Host.ConnectionString, due.AddMinutes(1));
        }

        // The deadline alarm fires from Wolverine's durable store (polled every 200 ms here) and flags the dossier.
        var anonymous = pages.Host.CreateClient();
        var code = dossier.GetProperty("code").GetString();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            var lookup = await anonymous.GetAsync($"/api/v1/public/dossiers/{code}");
            if ((await lookup.ReadJsonAsync()).GetProperty("overdue").GetBoolean())
            {
                return dossier;
            }
        }

        throw new TimeoutException($"{code} was not flagged overdue within 30 s of its appointment.");
    }
}
