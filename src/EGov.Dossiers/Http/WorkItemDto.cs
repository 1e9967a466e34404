using EGov.Dossiers.Model;

namespace EGov.Dossiers.Http;

/// <summary>The step a work item waits in (without its due instant: the item carries <c>stepDueAt</c>).</summary>
public sealed record WorkStepDto(string Id, string Name, string Unit, string Role);

/// <summary>A row of an officer's work list (<c>GET /api/v1/work</c>).</summary>
public sealed record WorkItemDto(
    Guid Id,
    string Code,
    string ProcedureCode,
    string ProcedureName,
    DossierStatus Status,
    string ApplicantName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? StepDueAt,
    bool Overdue,
    bool DueSoon,
    WorkStepDto? CurrentStep,
    AssigneeDto? Assignee,
    long Version)
{
    /// <summary>The risk sweep's latest probability of ending late (docs/foresight.md), or null when it has none.</summary>
    public double? Probability { get; init; }

    /// <summary>The most telling reason of that estimate, or null.</summary>
    public ReasonTextDto? RiskReason { get; init; }
}

/// <summary>A reason in both languages.</summary>
public sealed record ReasonTextDto(string Vi, string En);

/// <summary>How many dossiers each work list holds for the caller (<c>GET /api/v1/work/counts</c>).</summary>
public sealed record WorkCountsDto(long Mine, long UnitUnassigned, long DueSoon, long Overdue, long AwaitingSupplement, long AtRisk);
