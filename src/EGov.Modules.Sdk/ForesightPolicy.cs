namespace EGov.Modules.Sdk;

/// <summary>
/// How a module's dossiers are watched ahead of their deadlines (docs/foresight.md). The defaults suit most
/// procedures; a module declares its own where its work is different.
/// </summary>
public sealed record ForesightPolicy
{
    /// <summary>The platform's defaults: flag at 0.3 and clear below 0.2, a step's due-soon warning at the lead alone (share 1), escalate at 0 and 2 working days overdue.</summary>
    public static ForesightPolicy Default { get; } = new();

    /// <summary>
    /// A dossier whose estimated probability of ending late reaches this (0..1, exclusive of 0) is flagged "at risk".
    /// 0.3 since the flag clears (docs/benchmarks.md, "Foresight: prediction quality": 0.5 before).
    /// </summary>
    public double RiskThreshold { get; init; } = 0.3;

    /// <summary>
    /// A flagged dossier whose probability falls below <see cref="RiskThreshold"/> minus this is cleared (it caught
    /// up). Above 0 and at most <see cref="RiskThreshold"/>; equal to it keeps the flag until the appointment ends.
    /// </summary>
    public double RiskClearMargin { get; init; } = 0.1;

    /// <summary>The probability below which a flagged dossier is cleared.</summary>
    public double RiskClearBelow => RiskThreshold - RiskClearMargin;

    /// <summary>
    /// The step's due-soon warning fires when this share of the step's allowance is used (0..1), or the warning lead
    /// before its due instant, whichever comes first. 1 (the default) keeps the lead alone, as before SDK 1.2; a module
    /// whose steps are long sets e.g. 0.8.
    /// </summary>
    public double StepWarningFraction { get; init; } = 1.0;

    /// <summary>The escalation chain of an overdue dossier, lowest level first (levels numbered from 1).</summary>
    public IReadOnlyList<EscalationStep> Escalation { get; init; } =
    [
        new(0, EscalationTarget.HoldingUnitLeader),
        new(2, EscalationTarget.DepartmentHead),
    ];
}

/// <summary>One level of an escalation chain: who is told once the dossier is <paramref name="OverdueWorkingDays"/> working days overdue.</summary>
public sealed record EscalationStep(int OverdueWorkingDays, EscalationTarget Target);

/// <summary>Who an escalation goes to.</summary>
public enum EscalationTarget
{
    /// <summary>The leader of the unit holding the dossier's current step (or its desk).</summary>
    HoldingUnitLeader,

    /// <summary>The head of the competent department: the leaders of the unit the procedure belongs to.</summary>
    DepartmentHead,
}
