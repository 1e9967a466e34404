namespace EGov.Statistics.Model;

// The shape of GET /api/v1/statistics. The field names of Figures are fixed by api-v1.md; the rest is ours.
// Every count is of dossiers, per the definitions in docs/statistics.md.

/// <summary>Received in the period, by channel, and those still open from before it.</summary>
public sealed record ReceivedFigures(int Online, int Direct, int CarriedOver)
{
    /// <summary>Everything there was to process in the period.</summary>
    public int Total => Online + Direct + CarriedOver;
}

/// <summary>Decided in the period (result issued or request rejected), against the appointment in force.</summary>
/// <param name="AfterApology">Of these, the dossiers that had at least one apology with a new appointment (form 04)
/// before the decision: a part of the total, not a fourth class (docs/statistics.md).</param>
public sealed record ResolvedFigures(int Early, int OnTime, int Late, int AfterApology)
{
    public int Total => Early + OnTime + Late;
}

/// <summary>Received and not yet decided at the end of the period.</summary>
public sealed record InProgressFigures(int WithinDeadline, int Overdue)
{
    public int Total => WithinDeadline + Overdue;
}

/// <summary>Ratings given in the period: 1 not satisfied, 2 satisfied, 3 very satisfied.</summary>
public sealed record SatisfactionFigures(int Count, int NotSatisfied, int Satisfied, int VerySatisfied, double? Average)
{
    /// <summary>The answers per survey criterion in the period (docs/satisfaction.md), in the survey's order; empty when none.</summary>
    public IReadOnlyList<CriterionFigures> Criteria { get; init; } = [];

    /// <summary>One criterion's counts; zero when it had no answers.</summary>
    public CriterionFigures For(string criterion) =>
        Criteria.FirstOrDefault(c => c.Criterion == criterion) ?? new CriterionFigures(criterion, 0, 0, 0);
}

/// <summary>How many answers one criterion got at each level in the period.</summary>
public sealed record CriterionFigures(string Criterion, int NotSatisfied, int Satisfied, int VerySatisfied)
{
    public int Count => NotSatisfied + Satisfied + VerySatisfied;
}

/// <summary>A criterion the report counts: the configured ones, then any retired one still answered in the period.</summary>
public sealed record ReportCriterion(string Id, string LabelVi, string LabelEn);

/// <summary>The categories of report II.06a for one unit, one procedure or the whole province.</summary>
public sealed record Figures(
    ReceivedFigures Received,
    ResolvedFigures Resolved,
    InProgressFigures InProgress,
    int SupplementRequested,
    int Refused,
    int Withdrawn,
    int Stopped,
    int Apologies,
    double? OnTimeRate,
    double? LateRate,
    SatisfactionFigures Satisfaction);

/// <summary>One procedure's line inside a unit.</summary>
public sealed record ProcedureStatistics(string Procedure, string ProcedureName, Figures Figures, Figures Previous);

/// <summary>One unit's report: the api-v1 fields at the top level, then the breakdown and the comparison.</summary>
public sealed record UnitStatistics(
    string Unit,
    string UnitName,
    ReceivedFigures Received,
    ResolvedFigures Resolved,
    InProgressFigures InProgress,
    int SupplementRequested,
    int Refused,
    int Withdrawn,
    int Stopped,
    int Apologies,
    double? OnTimeRate,
    double? LateRate,
    SatisfactionFigures Satisfaction,
    int DueSoon,
    Figures Previous,
    IReadOnlyList<ProcedureStatistics> Procedures,
    IReadOnlyList<DailyPoint> Daily)
{
    /// <summary>The unit's own figures as one <see cref="Figures"/> (the report spreads them at the top level, as api-v1 has them).</summary>
    public Figures ToFigures() =>
        new(Received, Resolved, InProgress, SupplementRequested, Refused, Withdrawn, Stopped, Apologies, OnTimeRate, LateRate, Satisfaction);
}

/// <summary>One day of the trend chart.</summary>
public sealed record DailyPoint(DateOnly Day, int Received, int Resolved, int ResolvedLate, int OverdueInProgress);

/// <summary>A period: first and last local day, both included.</summary>
public sealed record Period(DateOnly From, DateOnly To);

/// <summary>The response: per unit, plus the sum over the units shown.</summary>
public sealed record StatisticsReport(
    Period Period,
    Period PreviousPeriod,
    DateTimeOffset GeneratedAt,
    long ProjectedThroughSequence,
    IReadOnlyList<UnitStatistics> Units,
    Figures Total,
    Figures PreviousTotal)
{
    /// <summary>The survey criteria whose answers <see cref="SatisfactionFigures.Criteria"/> count, in column order.</summary>
    public IReadOnlyList<ReportCriterion> Criteria { get; init; } = [];
}

/// <summary>One line of the overdue, due-soon or at-risk watch list: which dossier, since when, and who holds it.</summary>
public sealed record WatchListEntry(
    Guid Id,
    string Code,
    string Unit,
    string ProcedureCode,
    string ProcedureName,
    DateTimeOffset? DueAt,
    string HoldingUnit,
    string? HoldingStep,
    string? HoldingRole,
    string? LastOfficer,
    DateTimeOffset LastActedAt,
    bool Overdue,
    bool DueSoon)
{
    /// <summary>The estimated probability of ending late (list <c>at-risk</c>); null in the other lists.</summary>
    public double? Probability { get; init; }

    /// <summary>The most telling reason for the risk (list <c>at-risk</c>); null in the other lists or when there is none.</summary>
    public BilingualText? Reason { get; init; }

    /// <summary>How far up the module's escalation chain the dossier went on its appointment in force (0: not escalated).</summary>
    public int EscalationLevel { get; init; }
}

/// <summary>A text people read, in Vietnamese and in English.</summary>
public sealed record BilingualText(string Vi, string En);
