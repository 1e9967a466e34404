using EGov.Dossiers.Events;

namespace EGov.Dossiers.Http;

/// <summary>One reason behind a risk estimate, in both languages (most telling first in <see cref="RiskDto.Reasons"/>).</summary>
public sealed record RiskReasonDto(string Code, string? StepId, string Vi, string En)
{
    public static RiskReasonDto From(RiskReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new RiskReasonDto(reason.Code, reason.StepId, reason.Vi, reason.En);
    }
}

/// <summary>
/// The risk that a dossier ends late (<c>GET /api/v1/dossiers/{id}/risk</c>, docs/foresight.md "API"), computed live.
/// Without a running deadline (not yet received, resolved, closed) <see cref="Probability"/> is null and so is every
/// figure of the estimate.
/// </summary>
/// <param name="Probability">0..1, or null without a running deadline.</param>
/// <param name="AtRisk">The dossier is flagged at risk for its appointment in force.</param>
/// <param name="Threshold">The module's threshold at which a dossier is flagged.</param>
/// <param name="ExpectedRemainingWorkingDays">The work still ahead, in working days of the holding unit (one decimal).</param>
/// <param name="FromHistory">False when every step still ahead fell back to its declared allowance (cold start).</param>
public sealed record RiskDto(
    double? Probability,
    bool AtRisk,
    double Threshold,
    double? ExpectedRemainingWorkingDays,
    DateTimeOffset? PredictedFinishAt,
    DateTimeOffset? DueAt,
    bool FromHistory,
    IReadOnlyList<RiskReasonDto> Reasons,
    DateTimeOffset ComputedAt);
