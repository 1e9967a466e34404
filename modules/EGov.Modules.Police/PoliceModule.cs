using EGov.Modules.Sdk;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EGov.Modules.Police;

/// <summary>
/// The commune police (Công an xã Tân Định, a demo unit) registers permanent residence. It has no procedure of its
/// own here: it takes part in the inter-agency birth + residence + health-insurance procedure (Decree 63/2024/NĐ-CP)
/// that the Justice module declares, and learns of each dossier handed to it from the published milestones.
/// </summary>
public sealed class PoliceModule : IEGovModule
{
    public const string Unit = "CA-TANDINH";

    public string Name => "Police";

    public ModuleDefinition Define() => new(
        [new UnitDefinition(Unit, "H10.70", "Công an xã Tân Định", "Tân Định Commune Police")],
        []);

    public void ConfigureMarten(StoreOptions options) => options.Schema.For<ResidenceRequest>();

    // The police's own work list: its officers and administrators only (issue 13 found it open to any unit's officer).
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/police/residence-requests", async (IQuerySession session, CancellationToken ct) =>
                Results.Ok(await session.Query<ResidenceRequest>().OrderByDescending(r => r.ReceivedAt).Take(200).ToListAsync(ct)))
            .ForUnitOfficers(Unit)
            .WithName("listResidenceRequests")
            .WithSummary("List the residence registrations handed to the commune police (đăng ký thường trú).")
            .WithTags("Police");
}

/// <summary>A dossier handed to the police for residence registration (the police's own work list).</summary>
public sealed class ResidenceRequest
{
    /// <summary>The dossier id: one request per dossier, however often the milestone is delivered.</summary>
    public Guid Id { get; set; }
    public string DossierCode { get; set; } = string.Empty;
    public string ProcedureCode { get; set; } = string.Empty;
    public string StepId { get; set; } = string.Empty;
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>Puts every dossier that reaches the police unit on the police work list.</summary>
public static class ResidenceRequestHandler
{
    public static async Task Handle(DossierMilestone milestone, IDocumentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        ArgumentNullException.ThrowIfNull(session);
        if (milestone.Milestone != Milestones.HandedOver || milestone.Unit != PoliceModule.Unit)
        {
            return;
        }

        session.Store(new ResidenceRequest
        {
            Id = milestone.DossierId, DossierCode = milestone.Code, ProcedureCode = milestone.ProcedureCode, StepId = milestone.StepId ?? string.Empty, ReceivedAt = milestone.At,
        });
        await session.SaveChangesAsync(cancellationToken);
    }
}
