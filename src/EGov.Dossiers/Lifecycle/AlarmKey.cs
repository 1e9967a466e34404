using System.Globalization;

namespace EGov.Dossiers.Lifecycle;

/// <summary>Which warning an alarm carries.</summary>
public enum AlarmKind
{
    /// <summary>The warning lead (default one working day) before the due instant.</summary>
    DueSoon,

    /// <summary>At the due instant.</summary>
    Overdue,

    /// <summary>The estimated risk of ending late crossed the module's threshold (issue 19; raised by the risk sweep, not scheduled).</summary>
    AtRisk,

    /// <summary>Overdue by a level's working days: the next level of the module's escalation chain.</summary>
    Escalation,
}

// Here, not in Deadlines/, because the evolution records raised warnings by this key; the alarm message is in Deadlines/.
/// <summary>The identity of an alarm's effect: one warning per kind, scope and due instant, however often it is delivered.</summary>
public static class AlarmKey
{
    public const string DossierScope = "dossier";

    public static string For(AlarmKind kind, string scope, DateTimeOffset dueAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:{scope}:{dueAt.UtcTicks}");

    /// <summary>The key of escalation level <paramref name="level"/> of the dossier's appointment <paramref name="dueAt"/>.</summary>
    public static string Escalation(int level, DateTimeOffset dueAt) =>
        For(AlarmKind.Escalation, string.Create(CultureInfo.InvariantCulture, $"{DossierScope}#{level}"), dueAt);
}
