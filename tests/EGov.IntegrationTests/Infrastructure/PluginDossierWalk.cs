using System.Text.Json;
using EGov.Kernel;

namespace EGov.IntegrationTests.Infrastructure;

/// <summary>
/// A plug-in module's procedure of two steps (a specialist's, then a leader's) walked at its own unit, as the sample
/// plug-in and the template's module declare it: desk intake, complete-step, approve, issue-result, deliver.
/// </summary>
internal static class PluginDossierWalk
{
    /// <returns>The delivered dossier.</returns>
    public static async Task<JsonElement> ToDeliveryAsync(TestHost host, string procedureCode, string unitCode, string agencyId)
    {
        var desk = await host.ClientAsync($"desk-{unitCode}", [Roles.DeskOfficer], unitCode);
        var specialist = await host.ClientAsync($"spec-{unitCode}", [Roles.Specialist], unitCode);
        var leader = await host.ClientAsync($"lead-{unitCode}", [Roles.Leader], unitCode);
        var dossier = await desk.PostOkAsync("/api/v1/dossiers", Api.DeskIntake(procedureCode));
        Assert.StartsWith($"{agencyId}-", dossier.GetProperty("code").GetString(), StringComparison.Ordinal);
        var id = dossier.GetProperty("id").GetGuid();
        await specialist.PostOkAsync($"/api/v1/dossiers/{id}/complete-step", new { });
        await leader.PostOkAsync($"/api/v1/dossiers/{id}/approve", new { });
        await desk.PostOkAsync($"/api/v1/dossiers/{id}/issue-result", new { });
        return await desk.PostOkAsync($"/api/v1/dossiers/{id}/deliver", new { });
    }
}
