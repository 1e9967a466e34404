using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;

namespace EGov.Dossiers.Http;

/// <summary>The step holding the dossier now, and the officer it is assigned to (null while unassigned).</summary>
public sealed record CurrentStepDto(string Id, string Name, string Unit, string Role, DateTimeOffset? DueAt, AssigneeDto? Assignee, DateTimeOffset? AssignedAt);

/// <summary>The officer holding a step: the token's subject and display name.</summary>
public sealed record AssigneeDto(string Subject, string Name)
{
    public static AssigneeDto? Of(DossierState s) => s.Assignee is { } a ? new AssigneeDto(a, s.AssigneeName ?? a) : null;
}

/// <summary>A dossier as its applicant and the officers involved see it (api-v1.md).</summary>
public sealed record DossierDto(
    Guid Id,
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string Unit,
    DossierStatus Status,
    Channel Channel,
    Applicant Applicant,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    CurrentStepDto? CurrentStep,
    long Version,
    IReadOnlyList<string> AvailableActions,
    IReadOnlyList<Guid> DocumentIds,
    IReadOnlyList<Guid> ResultDocumentIds,
    int? Rating,
    bool DueSoon,
    IReadOnlyDictionary<string, string> Details,
    int CatalogVersion,
    string? ReceivingUnit)
{
    /// <summary>The rating's level (1..3) per criterion of the satisfaction survey, or null (not rated, or the overall rating only).</summary>
    public IReadOnlyDictionary<string, int>? RatingAnswers { get; init; }

    /// <summary>Flagged at risk of ending late for the appointment in force (issue 19; the live figure is <c>GET .../risk</c>).</summary>
    public bool AtRisk { get; init; }

    /// <summary>The highest escalation level reached while overdue on the appointment in force (0: none).</summary>
    public int EscalationLevel { get; init; }

    /// <summary>How many apologies with a new appointment (form 04) were issued.</summary>
    public int Apologies { get; init; }

    /// <summary>The prepared form 04 the <c>issue-apology</c> action issues, or null.</summary>
    public ApologyDraftDto? ApologyDraft { get; init; }

    public static DossierDto From(DossierState s, Caller caller, DateTimeOffset now, IDeadlines zone)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new DossierDto(
            s.Id, s.Code, s.ProcedureCode, s.ProcedureName, s.Unit, s.Status, s.Channel, s.Applicant, zone.InZone(s.SubmittedAt),
            Z(s.ReceivedAt, zone), Z(s.DueAt, zone), s.IsOverdue(now),
            s.CurrentStep is { } step ? new CurrentStepDto(step.Id, step.Name, step.Unit, step.Role, Z(s.StepDueAt, zone), AssigneeDto.Of(s), Z(s.AssignedAt, zone)) : null,
            s.Version, DossierRules.Available(s, caller), s.DocumentIds, s.ResultDocumentIds, s.Rating, s.ClockRunning && s.DueSoon, s.Details,
            s.CatalogVersion, s.ReceivingUnit)
        {
            RatingAnswers = s.RatingAnswers,
            AtRisk = s.AtRisk,
            EscalationLevel = s.EscalationLevel,
            Apologies = s.Apologies,
            ApologyDraft = s.ApologyDraft is { } d ? new ApologyDraftDto(d.WorkingDays, zone.InZone(d.ProposedDueAt), d.Basis, zone.InZone(d.PreparedAt)) : null,
        };
    }

    internal static DateTimeOffset? Z(DateTimeOffset? instant, IDeadlines zone) => instant is { } i ? zone.InZone(i) : null;
}

/// <summary>A prepared form 04: the proposed new appointment, its working days past the current one, and why (<c>at-risk</c> or <c>due-soon</c>).</summary>
public sealed record ApologyDraftDto(int WorkingDays, DateTimeOffset ProposedDueAt, string Basis, DateTimeOffset PreparedAt);

/// <summary>A row of <c>GET /api/v1/dossiers</c>: enough to triage, without the applicant's contact details.</summary>
public sealed record DossierSummaryDto(
    Guid Id,
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string Unit,
    DossierStatus Status,
    string ApplicantName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    string? CurrentStepUnit,
    long Version,
    bool DueSoon)
{
    public static DossierSummaryDto From(DossierState s, DateTimeOffset now, IDeadlines zone)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new DossierSummaryDto(s.Id, s.Code, s.ProcedureCode, s.ProcedureName, s.Unit, s.Status, s.Applicant.FullName,
            zone.InZone(s.SubmittedAt), DossierDto.Z(s.ReceivedAt, zone), DossierDto.Z(s.DueAt, zone), s.IsOverdue(now), s.CurrentStep?.Unit, s.Version, s.ClockRunning && s.DueSoon);
    }
}

/// <summary>A page of results.</summary>
/// <param name="Total">
/// How many results match. Exact when <paramref name="TotalIsLowerBound"/> is false; otherwise the list stopped
/// counting and at least this many match (at least <c>Page × PageSize</c>, so a further page exists).
/// </param>
/// <param name="TotalIsLowerBound">True when more results match than were counted.</param>
public sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total, bool TotalIsLowerBound);
