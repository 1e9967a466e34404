using EGov.Dossiers.Lifecycle;
using EGov.Dossiers.Model;

namespace EGov.Dossiers.Lookup;

/// <summary>
/// What the public lookup keeps of a dossier in memory: the public fields and the inputs of the overdue rule, never
/// the applicant or anything else personal. The overdue flag and the time zone are applied when it is served, since
/// they depend on the clock.
/// </summary>
public sealed record PublicView(
    string Code,
    string ProcedureName,
    string Unit,
    DossierStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    bool IsOpen,
    bool Resolved,
    bool OverdueFlag,
    TimelineEntry[] Timeline)
{
    public static PublicView Of(DossierState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new PublicView(s.Code, s.ProcedureName, s.Unit, s.Status, s.SubmittedAt, s.ReceivedAt, s.DueAt, s.IsOpen,
            s.ResolvedAt is not null, s.Overdue, [.. s.Timeline]);
    }

    public bool IsOverdue(DateTimeOffset now) => DossierState.IsOverdueAt(IsOpen, Resolved, OverdueFlag, DueAt, now);
}
