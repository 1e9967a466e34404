using System.Text.Json;
using EGov.IntegrationTests.Infrastructure;
using EGov.Kernel;

namespace EGov.BrowserTests.Infrastructure;

/// <summary>
/// Criminal-record dossiers of STP that look late before they are: the clock moves to the working morning after the
/// first step's ("verify", 7 of the 10 working days) due instant, so that step has overrun while the signing step's 3
/// days no longer fit before the appointment. With no history yet the forecast falls back to the declared allowances
/// (a cold start), and the risk sweep flags each of them and drafts its apology (form 04).
/// </summary>
internal static class AtRiskDossiers
{
    public const string Unit = "STP";
    public const string Procedure = "TP-LLTP-01";

    /// <summary>How many are made: one each for the tests that change them, one that stays as it is.</summary>
    public const int Count = 3;

    public static async Task<IReadOnlyList<JsonElement>> CreateAsync(PagesFixture pages)
    {
        // The overdue dossier is made first: its jump past a fresh appointment would make these overdue too.
        await pages.OverdueDossierAsync();
        var desk = await pages.Host.ClientAsync("desk-risk", [Roles.DeskOfficer], Unit);
        var taken = new List<JsonElement>();
        for (var i = 0; i < Count; i++)
        {
            taken.Add(await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake(Procedure)));
        }

        var stepDue = taken.Max(d => d.GetProperty("currentStep").GetProperty("dueAt").GetDateTimeOffset());
        var due = taken.Min(d => d.GetProperty("dueAt").GetDateTimeOffset());
        // A working day past the first step's due instant: under 2 of the 10 working days are left for the 3-day
        // signing step, whose cold-start estimate (uniform on 1.5..3 days) then makes lateness more likely than not.
        var target = NextWorkingMorning(stepDue.AddDays(1));
        if (target >= due.AddDays(-1))
        {
            throw new InvalidOperationException($"No working morning between the step's due instant {stepDue:O} and a day before the appointment {due:O}.");
        }

        await pages.Travel.ToAsync(pages.Host.ConnectionString, target);

        var leader = await pages.Host.ClientAsync("ld-risk", [Roles.Leader], Unit);
        var flagged = new List<JsonElement>();
        foreach (var dossier in taken)
        {
            flagged.Add(await FlaggedAsync(leader, dossier.GetProperty("id").GetString()!));
        }

        return flagged;
    }

    /// <summary>10:00 in the province on the first weekday after <paramref name="instant"/> (and at least an hour after it).</summary>
    private static DateTimeOffset NextWorkingMorning(DateTimeOffset instant)
    {
        var local = instant.ToOffset(PagesFixture.Start.Offset);
        var morning = new DateTimeOffset(local.Date.AddHours(10), local.Offset);
        while (morning < local.AddHours(1) || morning.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            morning = morning.AddDays(1);
        }

        return morning;
    }

    /// <summary>The dossier once the sweep has flagged it and the grain drafted its apology (the sweep runs every second here).</summary>
    private static async Task<JsonElement> FlaggedAsync(HttpClient leader, string id)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            var dossier = await leader.GetOkAsync($"/api/v1/dossiers/{id}");
            if (dossier.GetProperty("atRisk").GetBoolean() && dossier.GetProperty("apologyDraft").ValueKind == JsonValueKind.Object)
            {
                return dossier;
            }
        }

        // What the model says now, and what the dossier is: the failure tells which side did not do its part.
        var risk = await leader.GetStringAsync(new Uri($"/api/v1/dossiers/{id}/risk", UriKind.Relative));
        var state = await leader.GetStringAsync(new Uri($"/api/v1/dossiers/{id}", UriKind.Relative));
        throw new TimeoutException($"{id} was not flagged at risk with an apology draft within 60 s of its first step's overrun. Risk: {risk} Dossier: {state}");
    }
}
