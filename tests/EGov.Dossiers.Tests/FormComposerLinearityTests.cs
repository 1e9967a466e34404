using System.Collections;
using EGov.Dossiers.Forms;

namespace EGov.Dossiers.Tests;

/// <summary>
/// Rendering forms reads the history once: the process-control slip has a row per hand-over, so refolding the
/// history for every row (or every form) grows with the square of its length.
/// </summary>
public sealed class FormComposerLinearityTests
{
    private static readonly FormContext Context = new(unit => unit, [], Vn.Deadlines.InZone);

    /// <summary>A desk intake handed back and forth between the first two steps: 2 + 2 × <paramref name="roundTrips"/> events.</summary>
    private static IReadOnlyList<VersionedEvent> LongHistory(int roundTrips)
    {
        var story = Story.Submit(channel: Channel.Desk);
        for (var i = 0; i < roundTrips; i++)
        {
            story.Do(DossierActions.CompleteStep, People.Specialist(Plans.Justice))
                .Do(DossierActions.ReturnStep, People.Specialist(Plans.Construction));
        }

        return story.Events.Select((e, i) => new VersionedEvent(i + 1, e)).ToArray();
    }

    [Fact]
    public void Each_event_of_the_history_is_read_once_for_all_its_forms()
    {
        var history = new CountingHistory(LongHistory(100));

        var forms = FormComposer.Render(history, Context, FormEditions.Current);

        var slip = Assert.Single(forms, f => f.Form == FormKind.ProcessControl.Number);
        Assert.Equal(201, slip.Html.Split("<tr class=\"handover\">").Length - 1);
        Assert.True(history.Reads <= history.Count + 2, $"{history.Reads} reads of a {history.Count}-event history");
    }

    /// <summary>A history that counts how often its events are read, by index or by enumeration.</summary>
    private sealed class CountingHistory(IReadOnlyList<VersionedEvent> events) : IReadOnlyList<VersionedEvent>
    {
        public int Reads { get; private set; }

        public int Count => events.Count;

        public VersionedEvent this[int index]
        {
            get
            {
                Reads++;
                return events[index];
            }
        }

        public IEnumerator<VersionedEvent> GetEnumerator()
        {
            foreach (var e in events)
            {
                Reads++;
                yield return e;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
