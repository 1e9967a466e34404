using EGov.Dossiers.Forms;

namespace EGov.Dossiers.Tests;

/// <summary>The prepared apology (form 04 draft) is the form 04 the issue-apology action would issue, composed and not stored.</summary>
public sealed class ApologyDraftFormTests
{
    private static readonly FormContext Context = new(
        unit => unit == Plans.Justice ? "Sở Tư pháp" : unit, ["Tờ khai"], Vn.Deadlines.InZone);

    private static (List<VersionedEvent> History, DossierState State) Drafted(string basis, int workingDays)
    {
        var story = Story.Submit(channel: Channel.Desk);
        var due = story.State.DueAt!.Value;
        var history = story.Events.Select((e, i) => new VersionedEvent(i + 1, e)).ToList();
        history.Add(new VersionedEvent(history.Count + 1,
            new ApologyDrafted(workingDays, due.AddDays(workingDays + 2), basis, new EventMeta("system", "system", null, null, story.Now.AddHours(2)))));
        return (history, DossierEvolution.Fold(history));
    }

    [Fact]
    public void A_draft_renders_as_the_form_04_that_issuing_it_records_same_id_version_and_bytes()
    {
        var (history, state) = Drafted("at-risk", 3);
        var at = state.ApologyDraft!.PreparedAt.AddHours(1);

        var draft = ApologyDraftForm.Render(state, Context, FormEditions.Current, at)!;

        Assert.Equal(("04", state.Version + 1), (draft.Form, draft.Version));
        Assert.Contains(FormKind.Apology.Title, draft.Html, StringComparison.Ordinal);
        Assert.Contains("gia hạn 3 ngày làm việc", draft.Html, StringComparison.Ordinal);
        Assert.Contains(FormPage.When(Vn.Deadlines.InZone(state.ApologyDraft.ProposedDueAt)), draft.Html, StringComparison.Ordinal);
        Assert.Contains(FormPage.When(Vn.Deadlines.InZone(state.DueAt!.Value)), draft.Html, StringComparison.Ordinal);
        Assert.Contains(ApologyDraftForm.DefaultReason("at-risk"), draft.Html, StringComparison.Ordinal);

        // Issued as drafted: the stream's own form 04 is the draft's page under the draft's id.
        var issued = ApologyDraftForm.Proposed(state, at)!;
        Assert.True(issued.FromDraft);
        history.Add(new VersionedEvent(history.Count + 1, issued));
        var form = FormComposer.Render(history, Context, FormEditions.Current).Single(f => f.Form == "04");
        Assert.Equal((draft.Id, draft.Version, draft.Sha256), (form.Id, form.Version, form.Sha256));
        Assert.Equal(draft.Html, form.Html);

        // Issuing clears the draft: there is nothing left to render.
        Assert.Null(ApologyDraftForm.Render(DossierEvolution.Fold(history), Context, FormEditions.Current, at));
    }

    [Fact]
    public void A_risk_flag_its_draft_and_an_escalation_leave_the_process_control_slip_as_it_was()
    {
        var story = Story.Submit(channel: Channel.Desk);
        var history = story.Events.Select((e, i) => new VersionedEvent(i + 1, e)).ToList();
        var slip = FormComposer.Render(history, Context, FormEditions.Current).Single(f => f.Form == "06");
        var due = story.State.DueAt!.Value;
        var meta = new EventMeta("system", "system", null, null, story.Now.AddHours(3));
        IDossierEvent[] flags =
        [
            new DossierFlaggedAtRisk("dossier", due, 0.8, due.AddDays(2), Plans.Justice, [], meta),
            new ApologyDrafted(2, due.AddDays(3), "at-risk", meta),
            new DossierEscalated(1, Roles.Leader, Plans.Justice, 0, due, meta with { At = due }),
        ];
        history.AddRange(flags.Select((e, i) => new VersionedEvent(history.Count + i + 1, e)));

        var after = FormComposer.Render(history, Context, FormEditions.Current).Single(f => f.Form == "06");
        Assert.Equal((slip.Id, slip.Version, slip.CreatedAt, slip.Sha256), (after.Id, after.Version, after.CreatedAt, after.Sha256));
    }

    [Fact]
    public void Without_a_draft_there_is_no_page_and_the_reason_follows_the_drafts_basis()
    {
        var story = Story.Submit(channel: Channel.Desk);
        Assert.Null(ApologyDraftForm.Render(story.State, Context, FormEditions.Current, story.Now));
        Assert.Null(ApologyDraftForm.Proposed(story.State, story.Now));

        var (_, dueSoon) = Drafted("due-soon", 1);
        var html = ApologyDraftForm.Render(dueSoon, Context, FormEditions.Current, story.Now.AddHours(5))!.Html;
        Assert.Contains(ApologyDraftForm.DefaultReason("due-soon"), html, StringComparison.Ordinal);
        Assert.Contains("gia hạn 1 ngày làm việc", html, StringComparison.Ordinal);
        Assert.NotEqual(ApologyDraftForm.DefaultReason("due-soon"), ApologyDraftForm.DefaultReason("at-risk"));
    }
}
