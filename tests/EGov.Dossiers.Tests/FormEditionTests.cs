using EGov.Dossiers.Forms;

namespace EGov.Dossiers.Tests;

/// <summary>
/// An issued form is a legal record: it prints the same in every later release. Each form is rendered by the
/// edition in force at the instant of its event; a new edition changes only what is issued from its instant on.
/// </summary>
public sealed class FormEditionTests
{
    private static readonly FormContext Context = new(
        unit => unit switch { Plans.Justice => "Sở Tư pháp", Plans.Construction => "Sở Xây dựng", _ => unit },
        ["Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Bản chụp CCCD"],
        Vn.Deadlines.InZone);

    /// <summary>Desk intake on Monday 08:00, an extension at 09:00, a stop at 10:00: forms 01, 04, 05 and the slip.</summary>
    private static IReadOnlyList<VersionedEvent> History()
    {
        var story = Story.Submit(channel: Channel.Desk)
            .Do(DossierActions.Extend, People.Leader(Plans.Justice))
            .Do(DossierActions.Stop, People.Leader(Plans.Justice));
        return [.. story.Events.Select((e, i) => new VersionedEvent(i + 1, e))];
    }

    [Fact]
    public void Edition_1_prints_byte_for_byte_what_it_printed_when_it_was_released()
    {
        // The hashes of the forms edition 1 printed for this history when forms were still stored (taken from the
        // write-time composer before issue 16). A change to OneStopForms, ProcessControlSlip or FormPage fails here:
        // a new wording is a new edition, never an edit of a released one.
        var forms = FormComposer.Render(History(), Context, FormEditions.Current);

        Assert.Equal(
            [
                ("01", 2L, "38dd5f650356bd645f211803dc544d7cd751f1442b429daa0f0c607d3f9571f9"),
                ("04", 3L, "2376c1eb14c79bbd70ecba8b353a8447375c594204e197e0ec7d8ac9f3c594e9"),
                ("05", 4L, "0918a3737e77c51c12e660f49eb8293687e878bd78fba00f2c2710441ba45060"),
                ("06", 4L, "0fb24d8d746a31f7ca03f85e7b9729d80474326617d566ec4c7aeeb9c0678a23"),
            ],
            forms.Select(f => (f.Form, f.Version, f.Sha256)));
    }

    [Fact]
    public void A_new_edition_leaves_every_form_issued_before_its_instant_as_it_was()
    {
        var history = History();
        var before = FormComposer.Render(history, Context, FormEditions.Current);

        // Edition 2 in force from 08:30 local: after the receipt (08:00), before the extension (09:00).
        var editions = new FormEditions([new FormEditionOne(), new MarkedEdition(2, Vn.At(2026, 3, 2, 8).AddMinutes(30))]);
        var after = FormComposer.Render(history, Context, editions);

        Assert.Equal(before.Select(f => f.Id), after.Select(f => f.Id));
        Assert.Equal(before[0].Html, after[0].Html);
        Assert.Equal(before[0].Sha256, after[0].Sha256);
        Assert.All(after.Skip(1), f => Assert.StartsWith(MarkedEdition.Mark(2), f.Html, StringComparison.Ordinal));
        Assert.All(after.Skip(1), f => Assert.Equal(MarkedEdition.Mark(2) + before.Single(b => b.Id == f.Id).Html, f.Html));
    }

    [Fact]
    public void An_edition_released_later_changes_nothing_of_a_history_that_ended_before_it()
    {
        var history = History();
        var editions = new FormEditions([new FormEditionOne(), new MarkedEdition(2, Vn.At(2026, 3, 3, 0))]);

        Assert.Equal(
            FormComposer.Render(history, Context, FormEditions.Current).Select(f => (f.Id, f.Sha256)),
            FormComposer.Render(history, Context, editions).Select(f => (f.Id, f.Sha256)));
    }

    [Fact]
    public void The_slip_is_printed_in_the_edition_in_force_at_its_last_hand_over()
    {
        var history = History();
        var editions = new FormEditions([new FormEditionOne(), new MarkedEdition(2, Vn.At(2026, 3, 2, 9).AddMinutes(30))]);

        var forms = FormComposer.Render(history, Context, editions);

        Assert.DoesNotContain(MarkedEdition.Mark(2), forms.Single(f => f.Form == "04").Html, StringComparison.Ordinal);
        Assert.StartsWith(MarkedEdition.Mark(2), forms.Single(f => f.Form == "05").Html, StringComparison.Ordinal);
        Assert.StartsWith(MarkedEdition.Mark(2), forms.Single(f => f.Form == "06").Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_renamed_in_a_later_catalog_keeps_its_old_name_on_forms_of_an_edition_that_pins_it()
    {
        var history = History();
        var renamed = Context with { UnitName = unit => unit == Plans.Justice ? "Sở Tư pháp và Hộ tịch" : Context.UnitName(unit) };
        var editions = new FormEditions([new PinnedEditionOne(), new MarkedEdition(2, Vn.At(2026, 3, 3, 0))]);

        var issued = FormComposer.Render(history, Context, FormEditions.Current);
        var reprinted = FormComposer.Render(history, renamed, editions);

        Assert.Equal(issued.Select(f => (f.Id, f.Sha256)), reprinted.Select(f => (f.Id, f.Sha256)));
        Assert.Contains("Sở Tư pháp và Hộ tịch", FormComposer.Render(history, renamed, FormEditions.Current)[0].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_editions_must_cover_every_instant_and_come_into_force_in_order()
    {
        Assert.Throws<ArgumentException>(() => new FormEditions([]));
        Assert.Throws<ArgumentException>(() => new FormEditions([new MarkedEdition(2, Story.Monday)]));
        Assert.Throws<ArgumentException>(() => new FormEditions([new FormEditionOne(), new MarkedEdition(1, Story.Monday)]));
        Assert.Throws<ArgumentException>(() => new FormEditions([new FormEditionOne(), new MarkedEdition(2, Story.Monday), new MarkedEdition(3, Story.Monday)]));
        Assert.Equal([1], FormEditions.Current.All.Select(e => e.Number));
    }

    /// <summary>A later edition for the test: edition 1's pages with a mark in front.</summary>
    private sealed class MarkedEdition(int number, DateTimeOffset from) : FormEdition
    {
        private static readonly FormEditionOne One = new();

        public override int Number => number;

        public override DateTimeOffset InForceFrom => from;

        public static string Mark(int number) => $"<!-- edition {number} -->";

        public override string Receipt(DossierState after, DossierReceived e, FormContext c) => Mark(number) + One.Receipt(after, e, c);

        public override string Supplement(DossierState before, SupplementRequested e, FormContext c) => Mark(number) + One.Supplement(before, e, c);

        public override string Refusal(DossierState before, DossierRefused e, FormContext c) => Mark(number) + One.Refusal(before, e, c);

        public override string Apology(DossierState before, DeadlineExtended e, FormContext c) => Mark(number) + One.Apology(before, e, c);

        public override string StopNotice(DossierState before, DossierStopped e, FormContext c) => Mark(number) + One.StopNotice(before, e, c);

        public override IProcessControlSlip Slip(FormContext c) => new MarkedSlip(Mark(number), One.Slip(c));

        private sealed class MarkedSlip(string mark, IProcessControlSlip inner) : IProcessControlSlip
        {
            public void Add(DossierState before, IDossierEvent e) => inner.Add(before, e);

            public string Render(DossierState last) => mark + inner.Render(last);
        }
    }

    /// <summary>Edition 1 as a release that renamed STP would ship it: the name it printed, pinned.</summary>
    private sealed class PinnedEditionOne : FormEdition
    {
        private static readonly FormEditionOne One = new();

        public override int Number => 1;

        public override DateTimeOffset InForceFrom => DateTimeOffset.MinValue;

        public override FormContext Pin(FormContext current) =>
            current with { UnitName = unit => unit == Plans.Justice ? "Sở Tư pháp" : current.UnitName(unit) };

        public override string Receipt(DossierState after, DossierReceived e, FormContext c) => One.Receipt(after, e, c);

        public override string Supplement(DossierState before, SupplementRequested e, FormContext c) => One.Supplement(before, e, c);

        public override string Refusal(DossierState before, DossierRefused e, FormContext c) => One.Refusal(before, e, c);

        public override string Apology(DossierState before, DeadlineExtended e, FormContext c) => One.Apology(before, e, c);

        public override string StopNotice(DossierState before, DossierStopped e, FormContext c) => One.StopNotice(before, e, c);

        public override IProcessControlSlip Slip(FormContext c) => One.Slip(c);
    }
}
