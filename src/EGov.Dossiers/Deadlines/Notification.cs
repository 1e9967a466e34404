namespace EGov.Dossiers.Deadlines;

/// <summary>
/// A message to the officers of a unit (or only its leaders) about a dossier's deadline, stored in the same
/// transaction as the warning event. Its id derives from the warning, so a repeated alarm cannot notify twice.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }

    /// <summary>The unit whose officers see it.</summary>
    public string Unit { get; set; } = string.Empty;

    /// <summary>The role that sees it (<c>leader</c>), or null for every officer of the unit.</summary>
    public string? Role { get; set; }

    public Guid DossierId { get; set; }
    public string DossierCode { get; set; } = string.Empty;

    /// <summary><c>due-soon</c>, <c>overdue</c>, <c>at-risk</c> or <c>escalation</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary><c>dossier</c> or a step id.</summary>
    public string Scope { get; set; } = string.Empty;
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string Message { get; set; } = string.Empty;
    public string MessageEn { get; set; } = string.Empty;
}
