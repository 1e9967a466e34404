namespace EGov.Dossiers.Tests;

/// <summary>
/// The one pass over a history (<see cref="DossierEvolution.Fold(IReadOnlyList{VersionedEvent}, IHistoryReader?)"/>)
/// shows its reader, before and after each event, exactly the states a fold of that prefix from scratch gives.
/// </summary>
public sealed class HistoryFoldTests
{
    public static TheoryData<string> AllScenarios => [.. Scenarios.All];

    [Theory]
    [MemberData(nameof(AllScenarios))]
    public void The_reader_sees_the_state_of_every_prefix_once_in_order(string scenario)
    {
        var events = Scenarios.Build(scenario).Events;
        var history = events.Select((e, i) => new VersionedEvent(i + 1, e)).ToArray();
        var reader = new RefoldingReader(history);

        var state = DossierEvolution.Fold(history, reader);

        Assert.Equal(history.Length * 2, reader.Calls);
        Assert.Equal(Fold.Snapshot(Fold.Apply(null, events)), Fold.Snapshot(state));
    }

    [Fact]
    public void An_empty_history_folds_to_an_empty_state_and_a_new_streams_events_count_from_version_1()
    {
        Assert.Equal(Fold.Snapshot(new DossierState()), Fold.Snapshot(DossierEvolution.Fold(Array.Empty<VersionedEvent>())));
        Assert.Null(DossierEvolution.Fold(Array.Empty<IDossierEvent>()));

        var events = Scenarios.Build(Scenarios.Delivered).Events;
        Assert.Equal(Fold.Snapshot(Fold.Apply(null, events)), Fold.Snapshot(DossierEvolution.Fold(events)!));
    }

    /// <summary>Checks each state it is shown against a fold of the prefix from scratch.</summary>
    private sealed class RefoldingReader(IReadOnlyList<VersionedEvent> history) : IHistoryReader
    {
        public int Calls { get; private set; }

        public void Before(DossierState state, VersionedEvent next)
        {
            Assert.Same(history[Calls / 2], next);
            Assert.Equal(Refold(Calls / 2), Fold.Snapshot(state));
            Calls++;
        }

        public void After(DossierState state, VersionedEvent applied)
        {
            Assert.Same(history[Calls / 2], applied);
            Assert.Equal(Refold((Calls / 2) + 1), Fold.Snapshot(state));
            Calls++;
        }

        private string Refold(int count) =>
            Fold.Snapshot(count == 0 ? new DossierState() : Fold.Apply(null, history.Take(count).Select(v => v.Event)));
    }
}
