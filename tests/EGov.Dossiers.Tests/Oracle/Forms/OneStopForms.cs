using System.Globalization;
using static EGov.Dossiers.Tests.Oracle.Forms.FormPage;

namespace EGov.Dossiers.Tests.Oracle.Forms;

/// <summary>Forms 01–05: one page each, from the event that calls for it and the dossier around it.</summary>
internal static class OneStopForms
{
    public static string Receipt(DossierState s, DossierReceived e, FormContext c)
    {
        var unit = c.UnitName(s.Unit);
        return Start(FormKind.Receipt, s, c)
            .Paragraph($"{Text(unit)} tiếp nhận hồ sơ của: <b>Ông/Bà {Text(s.Applicant.FullName)}</b>")
            .Raw(ApplicantBlock(s))
            .Paragraph($"Nội dung yêu cầu giải quyết: <b>{Text(s.ProcedureName)}</b> (mã thủ tục {Text(s.ProcedureCode)}).")
            .Paragraph("Thành phần hồ sơ theo quy định:")
            .List(c.RequiredDocuments)
            .Paragraph(Count($"Số giấy tờ điện tử đính kèm: {s.DocumentIds.Count}. Số lượng hồ sơ: 01 (bộ)."))
            .Paragraph($"Thời gian giải quyết hồ sơ theo quy định: <b>{Text(Duration(s.Sla.Value, s.Sla.Unit, s.Sla.SameDay))}</b>.")
            .Paragraph($"Thời gian nhận hồ sơ: {When(c.InZone(e.Meta.At))}.")
            .Paragraph($"Thời gian trả kết quả giải quyết hồ sơ: <b>{When(c.InZone(e.DueAt))}</b>.")
            .Paragraph($"Nhận kết quả tại: {Text(unit)}. Tra cứu tình trạng hồ sơ bằng mã <b>{Text(s.Code)}</b> tại trang /tra-cuu.")
            .Signatures("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", e.Meta.Actor)
            .Build();
    }

    public static string Supplement(DossierState before, SupplementRequested e, FormContext c)
    {
        var page = Start(FormKind.Supplement, before, c)
            .Paragraph($"{Text(c.UnitName(e.Meta.Unit ?? before.Unit))} đã tiếp nhận hồ sơ của <b>Ông/Bà {Text(before.Applicant.FullName)}</b> "
                + $"đề nghị giải quyết thủ tục <b>{Text(before.ProcedureName)}</b>.")
            .Paragraph("Sau khi xem xét, hồ sơ cần được bổ sung, hoàn thiện các nội dung sau:")
            .Paragraph($"<b>{Text(e.Meta.Reason)}</b>")
            .Paragraph("Lý do: hồ sơ chưa đầy đủ, hợp lệ theo quy định.");
        if (e.ClockStopped && e.RemainingOfficeTime is { } left)
        {
            page.Paragraph($"Thời hạn giải quyết tạm dừng từ {When(c.InZone(e.Meta.At))} đến khi nhận đủ hồ sơ bổ sung; "
                + $"thời gian giải quyết còn lại: {Text(OfficeHours(left))}.");
        }

        return page
            .Paragraph("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ bộ phận tiếp nhận để được hướng dẫn.")
            .Signatures("NGƯỜI NỘP HỒ SƠ", "NGƯỜI HƯỚNG DẪN", e.Meta.Actor)
            .Build();
    }

    public static string Refusal(DossierState before, DossierRefused e, FormContext c) =>
        Start(FormKind.Refusal, before, c)
            .Paragraph($"{Text(c.UnitName(e.Meta.Unit ?? before.Unit))} tiếp nhận hồ sơ của <b>Ông/Bà {Text(before.Applicant.FullName)}</b> "
                + $"đề nghị giải quyết thủ tục <b>{Text(before.ProcedureName)}</b>.")
            .Paragraph("Căn cứ quy định của thủ tục hành chính, cơ quan không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:")
            .Paragraph($"<b>{Text(e.Meta.Reason)}</b>")
            .Paragraph($"Thời gian: {When(c.InZone(e.Meta.At))}.")
            .Signatures("NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", e.Meta.Actor)
            .Build();

    public static string Apology(DossierState before, DeadlineExtended e, FormContext c)
    {
        var unit = c.UnitName(e.Meta.Unit ?? before.Unit);
        var page = Start(FormKind.Apology, before, c);
        if (before.ReceivedAt is { } received)
        {
            page.Paragraph($"Ngày {When(c.InZone(received))}, {Text(c.UnitName(before.Unit))} tiếp nhận hồ sơ của <b>Ông/Bà {Text(before.Applicant.FullName)}</b> "
                + $"đề nghị giải quyết thủ tục <b>{Text(before.ProcedureName)}</b>.");
        }

        if (before.DueAt is { } oldDue)
        {
            page.Paragraph($"Thời gian hẹn trả kết quả: {When(c.InZone(oldDue))}.");
        }

        return page
            .Paragraph($"Tuy nhiên, đến nay {Text(unit)} chưa thể trả kết quả giải quyết hồ sơ đúng hẹn. Lý do: <b>{Text(e.Meta.Reason)}</b>")
            .Paragraph($"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {Text(unit)} xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả "
                + $"(gia hạn {e.WorkingDays.ToString(CultureInfo.InvariantCulture)} ngày làm việc) vào: <b>{When(c.InZone(e.DueAt))}</b>.")
            .Paragraph("Rất mong nhận được sự thông cảm của Ông/Bà.")
            .Signatures("NGƯỜI NHẬN PHIẾU", "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", e.Meta.Actor)
            .Build();
    }

    public static string StopNotice(DossierState before, DossierStopped e, FormContext c) =>
        Start(FormKind.StopNotice, before, c)
            .Paragraph($"{Text(c.UnitName(e.Meta.Unit ?? before.Unit))} thông báo dừng giải quyết hồ sơ của <b>Ông/Bà {Text(before.Applicant.FullName)}</b> "
                + $"đề nghị giải quyết thủ tục <b>{Text(before.ProcedureName)}</b>, mã hồ sơ {Text(before.Code)}.")
            .Paragraph($"Lý do dừng giải quyết: <b>{Text(e.Meta.Reason)}</b>")
            .Paragraph($"Thời điểm dừng: {When(c.InZone(e.Meta.At))}.")
            .Paragraph("Ông/Bà có quyền phản ánh, kiến nghị về thông báo này theo quy định của pháp luật.")
            .Signatures("NGƯỜI NHẬN THÔNG BÁO", "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", e.Meta.Actor)
            .Build();

    private static FormPage Start(FormKind kind, DossierState s, FormContext c) => new(kind, c.UnitName(s.Unit), s.Code);

    private static string ApplicantBlock(DossierState s)
    {
        var a = s.Applicant;
        return "<ul>"
            + $"<li>Số định danh cá nhân (CCCD): {Text(a.IdNumber)}</li>"
            + (a.Address is null ? string.Empty : $"<li>Địa chỉ: {Text(a.Address)}</li>")
            + (a.Phone is null ? string.Empty : $"<li>Số điện thoại: {Text(a.Phone)}</li>")
            + (a.Email is null ? string.Empty : $"<li>Thư điện tử: {Text(a.Email)}</li>")
            + "</ul>";
    }

    private static string Count(FormattableString text) => Text(text.ToString(CultureInfo.InvariantCulture));
}
