using System.Globalization;

namespace EGov.Dossiers.Lifecycle;

/// <summary>Which warning an alarm carries.</summary>
public enum AlarmKind
{
    /// <summary>The warning lead (default one working day) before the due instant.</summary>
    DueSoon,

    /// <summary>At the due instant.</summary>
    Overdue,
}

// Here, not in Deadlines/, because the evolution records raised warnings by this key; the alarm message is in Deadlines/.
/// <summary>The identity of an alarm's effect: one warning per kind, scope and due instant, however often it is delivered.</summary>
public static class AlarmKey
{
    public const string DossierScope = "dossier";

    public static string For(AlarmKind kind, string scope, DateTimeOffset dueAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:{scope}:{dueAt.UtcTicks}");
}
