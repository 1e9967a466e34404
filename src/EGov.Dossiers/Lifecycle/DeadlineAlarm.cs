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

/// <summary>
/// A durable scheduled Wolverine message, written in the transaction of the event that set the deadline. When it
/// fires it is only a question ("is this deadline still the dossier's, and still unmet?"): the grain answers.
/// </summary>
/// <param name="Scope"><c>dossier</c>, or the id of the step whose own deadline it is.</param>
/// <param name="FireAt">When it is meant to fire by the platform's clock.</param>
[GenerateSerializer]
[Alias("egov.deadline-alarm")]
public sealed record DeadlineAlarm(
    [property: Id(0)] Guid DossierId,
    [property: Id(1)] AlarmKind Kind,
    [property: Id(2)] string Scope,
    [property: Id(3)] DateTimeOffset DueAt,
    [property: Id(4)] DateTimeOffset FireAt);

/// <summary>The identity of an alarm's effect: one warning per kind, scope and due instant, however often it is delivered.</summary>
public static class AlarmKey
{
    public const string DossierScope = "dossier";

    public static string For(AlarmKind kind, string scope, DateTimeOffset dueAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:{scope}:{dueAt.UtcTicks}");
}
