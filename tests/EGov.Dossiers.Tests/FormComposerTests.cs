using EGov.Dossiers.Forms;

namespace EGov.Dossiers.Tests;

/// <summary>Forms 01–06 are rendered from the events: which event calls for which form, and what the form says.</summary>
public sealed class FormComposerTests
{
    private static readonly FormContext Context = new(
        unit => unit switch { Plans.Justice => "Sở Tư pháp", Plans.Construction => "Sở Xây dựng", _ => unit },
        ["Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Bản chụp CCCD"],
        Vn.Deadlines.InZone);

    private static IReadOnlyList<VersionedEvent> History(Story story) =>
        story.Events.Select((e, i) => new VersionedEvent(i + 1, e)).ToArray();

    private static IReadOnlyList<DossierForm> Render(IReadOnlyList<VersionedEvent> history) => FormComposer.Render(history, Context, FormEditions.Current);

    /// <summary>The forms the last action issued or changed: those rendered now and not, byte for byte, before it.</summary>
    private static IReadOnlyList<DossierForm> NewForms(Story story)
    {
        var history = History(story);
        var before = Render(history.Take(history.Count - story.Last.Count).ToArray()).Select(f => (f.Id, f.Version, f.Sha256)).ToHashSet();
        return [.. Render(history).Where(f => !before.Contains((f.Id, f.Version, f.Sha256)))];
    }

    [Fact]
    public void Desk_intake_issues_the_receipt_and_appointment_slip_with_the_due_instant_in_local_time()
    {
        var story = Story.Submit(channel: Channel.Desk);

        var forms = NewForms(story);

        Assert.Equal(["01", "06"], forms.Select(f => f.Form));
        var receipt = forms[0];
        Assert.Equal(2, receipt.Version);
        Assert.Equal(Story.DossierId, receipt.DossierId);
        Assert.Contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", receipt.Html, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", receipt.Html, StringComparison.Ordinal);
        Assert.Contains(Story.Code, receipt.Html, StringComparison.Ordinal);
        Assert.Contains("10 ngày làm việc", receipt.Html, StringComparison.Ordinal);
        Assert.Contains("Bản chụp CCCD", receipt.Html, StringComparison.Ordinal);
        var due = Vn.Deadlines.InZone(story.State.DueAt!.Value);
        Assert.Contains(FormPage.When(due), receipt.Html, StringComparison.Ordinal);
        Assert.Contains("08 giờ 00 phút, ngày 16 tháng 03 năm 2026", receipt.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_online_submission_issues_no_form_until_the_desk_receives_it()
    {
        var story = Story.Submit(channel: Channel.Online);

        Assert.Empty(NewForms(story));

        story.Do(DossierActions.Receive, People.Desk());
        Assert.Equal(["01", "06"], NewForms(story).Select(f => f.Form));
    }

    [Theory]
    [InlineData(DossierActions.RequestSupplement, "02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")]
    [InlineData(DossierActions.Extend, "04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ")]
    public void Processing_events_issue_their_form_with_the_reason(string action, string form, string title)
    {
        var story = Story.Submit(channel: Channel.Desk);
        var caller = action == DossierActions.Extend ? People.Leader(Plans.Justice) : People.Specialist(Plans.Justice);

        story.Do(action, caller);
        var forms = NewForms(story);

        Assert.Equal([form, "06"], forms.Select(f => f.Form));
        Assert.Contains(title, forms[0].Html, StringComparison.Ordinal);
        Assert.Contains(FormPage.Text(Commands.Reason), forms[0].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_at_intake_issues_form_03_and_a_stop_issues_form_05()
    {
        var refused = Story.Submit(channel: Channel.Online).Do(DossierActions.Refuse, People.Desk());
        Assert.Equal(["03"], NewForms(refused).Select(f => f.Form));

        var stopped = Story.Submit(channel: Channel.Desk).Do(DossierActions.Stop, People.Leader(Plans.Justice));
        var forms = NewForms(stopped);
        Assert.Equal(["05", "06"], forms.Select(f => f.Form));
        Assert.Contains("Lý do dừng giải quyết", forms[0].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_apology_states_the_old_and_the_new_appointment()
    {
        var story = Story.Submit(channel: Channel.Desk);
        var oldDue = story.State.DueAt!.Value;

        story.Do(DossierActions.Extend, People.Leader(Plans.Justice));
        var apology = NewForms(story)[0].Html;

        Assert.Contains(FormPage.When(Vn.Deadlines.InZone(oldDue)), apology, StringComparison.Ordinal);
        Assert.Contains(FormPage.When(Vn.Deadlines.InZone(story.State.DueAt!.Value)), apology, StringComparison.Ordinal);
        Assert.Contains("gia hạn 5 ngày làm việc", apology, StringComparison.Ordinal);
    }

    [Fact]
    public void The_process_control_slip_lists_every_hand_over_across_units_and_marks_a_late_step()
    {
        var story = Story.Submit(channel: Channel.Desk);
        story.Do(DossierActions.CompleteStep, People.Specialist(Plans.Justice));

        // The appraisal step has 4 working days; finishing it three weeks later is late.
        story.Do(DossierActions.CompleteStep, People.Specialist(Plans.Construction), story.Now.AddDays(21));
        var slip = NewForms(story).Single(f => f.Form == "06");

        Assert.Equal(FormComposer.IdFor(Story.DossierId, FormKind.ProcessControl, 0), slip.Id);
        Assert.Equal(3, CountOf("<tr class=\"handover\">", slip.Html));
        Assert.Contains("Thẩm định (Sở Xây dựng)", slip.Html, StringComparison.Ordinal);
        Assert.Contains("Lãnh đạo ký (Sở Xây dựng)", slip.Html, StringComparison.Ordinal);
        Assert.Contains("Trước hạn", slip.Html, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", slip.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_dossier_is_escaped_so_a_crafted_name_or_reason_cannot_become_markup()
    {
        var applicant = People.ApplicantData with { FullName = "<script>alert(1)</script> \"Bà\" & 'Ông'" };
        var command = Story.SubmitCommand(Channel.Desk) with { Applicant = applicant };
        var events = DossierDecider.Submit(command, Plans.InterAgency(), Story.Code, Story.Monday, Vn.Deadlines);

        var forms = Render(events.Select((e, i) => new VersionedEvent(i + 1, e)).ToArray());

        Assert.All(forms, f => Assert.DoesNotContain("<script>", f.Html, StringComparison.Ordinal));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Bà&quot; &amp; &#39;Ông&#39;", forms[0].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_history_gives_the_same_forms_byte_for_byte()
    {
        var story = Story.Submit(channel: Channel.Desk).Do(DossierActions.RequestSupplement, People.Specialist(Plans.Justice));

        var first = NewForms(story);
        var second = NewForms(story);

        Assert.Equal(first.Select(f => (f.Id, f.Sha256)), second.Select(f => (f.Id, f.Sha256)));
        Assert.Equal(64, first[0].Sha256.Length);
    }

    [Fact]
    public void A_rating_does_not_rewrite_the_process_control_slip()
    {
        var story = Story.Submit(channel: Channel.Desk, plan: Plans.InterAgency(0m))
            .Do(DossierActions.CompleteStep, People.Specialist(Plans.Justice))
            .Do(DossierActions.CompleteStep, People.Specialist(Plans.Construction))
            .Do(DossierActions.Approve, People.Leader(Plans.Construction))
            .Do(DossierActions.IssueResult, People.Desk())
            .Do(DossierActions.Deliver, People.Desk())
            .Do(DossierActions.Rate, People.Citizen);

        Assert.Empty(NewForms(story));
    }

    private static int CountOf(string needle, string haystack) =>
        (haystack.Length - haystack.Replace(needle, string.Empty, StringComparison.Ordinal).Length) / needle.Length;
}
