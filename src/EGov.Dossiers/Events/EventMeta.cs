namespace EGov.Dossiers.Events;

/// <summary>Who did it, in which role and unit, why and when: carried by every dossier event.</summary>
public sealed record EventMeta(string Actor, string Role, string? Unit, string? Reason, DateTimeOffset At);

/// <summary>Every event of a dossier's stream.</summary>
public interface IDossierEvent
{
    EventMeta Meta { get; }
}
