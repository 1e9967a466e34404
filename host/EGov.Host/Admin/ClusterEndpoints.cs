using EGov.Dossiers.Grain;
using EGov.Kernel;
using EGov.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace EGov.Host.Admin;

/// <summary>One member of the silo cluster as the membership table records it.</summary>
/// <param name="Address">The silo's address, <c>ip:port@generation</c>; a restarted node is a new generation.</param>
/// <param name="Status">Orleans' membership status: Joining, Active, ShuttingDown, Stopping or Dead.</param>
/// <param name="IsThisNode">True for the node that answered this request.</param>
public sealed record ClusterMember(
    string Address, string SiloName, string HostName, string Status, DateTimeOffset StartedAt, DateTimeOffset? LastAliveAt, bool IsThisNode);

/// <summary>The cluster as seen from the node that answered.</summary>
public sealed record ClusterView(string ThisNode, int Active, IReadOnlyList<ClusterMember> Members);

/// <summary>Where a dossier's live state is held right now.</summary>
/// <param name="Silo">The silo holding the dossier's grain, or null when no node has it in memory (the next request activates it).</param>
public sealed record DossierPlacement(Guid DossierId, string? Silo);

/// <summary>The silo cluster for operators: its members and where a dossier's grain lives.</summary>
public static class ClusterEndpoints
{
    /// <summary>Get the silo cluster's members and their status (cụm máy chủ).</summary>
    [Authorize(Policy = Policies.Admin)]
    [WolverineGet("/api/v1/admin/cluster", OperationId = "getCluster")]
    [Tags("Administration")]
    [ProducesResponseType<ClusterView>(StatusCodes.Status200OK)]
    public static async Task<ClusterView> Get(IGrainFactory grains, ILocalSiloDetails local)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(local);
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false);
        var members = hosts
            .OrderByDescending(h => h.Status == SiloStatus.Active)
            .ThenBy(h => h.SiloAddress.ToParsableString(), StringComparer.Ordinal)
            .Select(h => new ClusterMember(
                h.SiloAddress.ToParsableString(), h.SiloName, h.HostName, h.Status.ToString(), Utc(h.StartTime),
                h.IAmAliveTime == default ? null : Utc(h.IAmAliveTime), h.SiloAddress.Equals(local.SiloAddress)))
            .ToList();
        return new ClusterView(local.SiloAddress.ToParsableString(), members.Count(m => m.Status == nameof(SiloStatus.Active)), members);
    }

    /// <summary>Get which node holds a dossier's grain (vị trí hồ sơ trong cụm).</summary>
    [Authorize(Policy = Policies.Admin)]
    [WolverineGet("/api/v1/admin/cluster/dossiers/{id}", OperationId = "getDossierPlacement")]
    [Tags("Administration")]
    [ProducesResponseType<DossierPlacement>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public static async Task<IResult> Placement(string id, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (!Guid.TryParse(id, out var dossierId))
        {
            return ProblemResults.Invalid("id", "Mã hồ sơ phải là GUID / id must be a GUID.");
        }

        // A snapshot of the grain directory, not a promise: the grain may move the next moment (Orleans' own caveat).
        var silo = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IDossierGrain>(dossierId));
        return TypedResults.Ok(new DossierPlacement(dossierId, silo?.ToParsableString()));
    }

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}
