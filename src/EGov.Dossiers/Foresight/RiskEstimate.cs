using EGov.Dossiers.Events;

namespace EGov.Dossiers.Foresight;

/// <summary>
/// What the model says about one open dossier at one instant: the probability it ends late, when it is expected to
/// finish, and why (docs/foresight.md).
/// </summary>
/// <param name="Probability">0..1; exactly 1 once the appointment has passed with the work open.</param>
/// <param name="ExpectedRemaining">Office time the work still ahead is expected to take (mean of the estimate).</param>
/// <param name="PredictedFinishAt">Now plus <paramref name="ExpectedRemaining"/> on the calendar in force.</param>
/// <param name="Reasons">Most telling first.</param>
/// <param name="FromHistory">False when every step still ahead fell back to its declared allowance (cold start).</param>
public sealed record RiskEstimate(
    double Probability,
    TimeSpan ExpectedRemaining,
    DateTimeOffset PredictedFinishAt,
    IReadOnlyList<RiskReason> Reasons,
    bool FromHistory);
