namespace EGov.Dossiers.Lifecycle;

/// <summary>
/// Reads a dossier's history in the same pass that folds it (<see cref="DossierEvolution.Fold(IReadOnlyList{VersionedEvent}, IHistoryReader?)"/>):
/// it sees the state just before and just after each event, so whoever needs the states along the way (the forms)
/// needs no fold of its own. The state is the fold's live one and the next event changes it in place: read what
/// you need during the call and keep no reference to it.
/// </summary>
public interface IHistoryReader
{
    /// <summary>The state as <paramref name="next"/> finds it (an empty state before the first event).</summary>
    void Before(DossierState state, VersionedEvent next);

    /// <summary>The state <paramref name="applied"/> leaves.</summary>
    void After(DossierState state, VersionedEvent applied);
}
