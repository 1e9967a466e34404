namespace EGov.Dossiers.Tests.Oracle.Forms;

/// <summary>
/// The one-stop forms the platform generates (numbering of domain.md, after Annex I of Circular 03/2025/TT-VPCP;
/// titles follow the wording of the earlier Circular 01/2018 annex and are to be checked against 03/2025).
/// </summary>
internal sealed record FormKind(string Number, string Title, string TitleEn)
{
    public static readonly FormKind Receipt = new("01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Receipt and appointment slip");
    public static readonly FormKind Supplement = new("02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Request to supplement the dossier");
    public static readonly FormKind Refusal = new("03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Refusal to accept the dossier");
    public static readonly FormKind Apology = new("04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Apology and new appointment");
    public static readonly FormKind StopNotice = new("05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Notice to stop processing");
    public static readonly FormKind ProcessControl = new("06", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Process-control slip");

    public static IReadOnlyList<FormKind> All { get; } = [Receipt, Supplement, Refusal, Apology, StopNotice, ProcessControl];
}
