using System.Text;
using static EGov.Dossiers.Tests.Oracle.Forms.FormPage;

namespace EGov.Dossiers.Tests.Oracle.Forms;

/// <summary>
/// Form 06: every hand-over of the dossier with its time and whether the giving side kept its own deadline
/// (early, on time, late), so a late dossier shows where the time went.
/// </summary>
internal sealed class ProcessControlSlip(FormContext c)
{
    private readonly StringBuilder _rows = new();
    private int _n;

    /// <summary>Adds the row of <paramref name="e"/>, when it is a hand-over, from the state the event found.</summary>
    public void Add(DossierState before, IDossierEvent e)
    {
        if (Row(before, e, c) is not var (handOver, result))
        {
            return;
        }

        _n++;
        _rows.Append("<tr class=\"handover\"><td>").Append(_n).Append("</td><td>").Append(handOver).Append("</td><td>")
            .Append(When(c.InZone(e.Meta.At))).Append("</td><td>").Append(result).Append("</td><td>")
            .Append(Text(e.Meta.Reason)).Append("</td></tr>\n");
    }

    /// <summary>The slip with the rows added so far, headed by the state after the history.</summary>
    public string Render(DossierState last)
    {
        var page = new FormPage(FormKind.ProcessControl, c.UnitName(last.Unit), last.Code)
            .Paragraph($"Cơ quan, đơn vị giải quyết hồ sơ: <b>{Text(c.UnitName(last.Unit))}</b>")
            .Paragraph($"Thủ tục: <b>{Text(last.ProcedureName)}</b>. Người nộp: Ông/Bà {Text(last.Applicant.FullName)}.");
        if (last.ReceivedAt is { } received)
        {
            page.Paragraph($"Thời gian nhận hồ sơ: {When(c.InZone(received))}.");
        }

        if (last.DueAt is { } due)
        {
            page.Paragraph($"Thời gian trả kết quả theo hẹn: <b>{When(c.InZone(due))}</b>.");
        }

        return page
            .Raw("<table class=\"grid\"><thead><tr><th scope=\"col\">STT</th><th scope=\"col\">Tên cơ quan, đơn vị, người giao – nhận</th>"
                + "<th scope=\"col\">Thời gian giao, nhận hồ sơ</th><th scope=\"col\">Kết quả giải quyết hồ sơ (trước hạn / đúng hạn / quá hạn)</th>"
                + "<th scope=\"col\">Ghi chú</th></tr></thead><tbody>\n" + _rows + "</tbody></table>")
            .Build();
    }

    private static (string HandOver, string Result)? Row(DossierState before, IDossierEvent e, FormContext c)
    {
        var giver = $"{Text(e.Meta.Actor)} ({Text(c.UnitName(e.Meta.Unit ?? before.Unit))})";
        return e switch
        {
            DossierReceived => ($"Giao: Bộ phận tiếp nhận – {giver}<br>Nhận: {Step(before, 0, c)}", string.Empty),
            StepCompleted s => ($"Giao: {giver}<br>Nhận: {Step(before, before.Steps.FindIndex(x => x.Id == s.NextStepId), c)}",
                Kept(e.Meta.At, before.StepDueAt)),
            StepReturned r => ($"Trả lại: {giver}<br>Nhận: {Step(before, before.Steps.FindIndex(x => x.Id == r.ToStepId), c)}",
                Kept(e.Meta.At, before.StepDueAt)),
            SupplementRequested => ($"Yêu cầu bổ sung: {giver}<br>Nhận: người nộp hồ sơ", string.Empty),
            DossierSupplemented => ($"Nộp bổ sung: người nộp hồ sơ<br>Nhận: {Step(before, before.CurrentStepIndex, c)}", string.Empty),
            DossierApproved => ($"Phê duyệt: {giver}", Kept(e.Meta.At, before.DueAt)),
            DossierRejected => ($"Từ chối giải quyết: {giver}", Kept(e.Meta.At, before.DueAt)),
            DeadlineExtended x => ($"Gia hạn, hẹn lại: {giver}", "Hẹn lại " + When(c.InZone(x.DueAt))),
            ResultIssued => ($"Giao kết quả: {giver}<br>Nhận: Bộ phận trả kết quả", string.Empty),
            ResultDelivered => ($"Trả kết quả cho người nộp: {giver}", Kept(e.Meta.At, before.DueAt)),
            DossierStopped => ($"Dừng giải quyết: {giver}", string.Empty),
            DossierWithdrawn => ("Người nộp rút hồ sơ", string.Empty),
            _ => null,
        };
    }

    private static string Step(DossierState s, int index, FormContext c) =>
        index >= 0 && index < s.Steps.Count
            ? $"{Text(s.Steps[index].Name)} ({Text(c.UnitName(s.Steps[index].Unit))})"
            : string.Empty;

    /// <summary>Early when done before the deadline's day, on time up to the deadline, late after it.</summary>
    private static string Kept(DateTimeOffset at, DateTimeOffset? due) => due switch
    {
        null => string.Empty,
        { } d when at > d => "Quá hạn",
        { } d when at < d.AddDays(-1) => "Trước hạn",
        _ => "Đúng hạn",
    };
}
