namespace EGov.Dossiers.Satisfaction;

/// <summary>
/// The nine criteria of the one-stop model's evaluation (docs/satisfaction.md gives each one's source). The ids are
/// stored in events and statistics: never rename one; retire it by a new survey version instead.
/// </summary>
internal static class DefaultCriteria
{
    public const string Source =
        "Nghị định 118/2025/NĐ-CP (một cửa, một cửa liên thông), bộ chỉ số theo Thông tư 01/2018/TT-VPCP và Quyết định 766/QĐ-TTg / "
        + "Decree 118/2025/ND-CP (one-stop model), indicator set after Circular 01/2018/TT-VPCP and Decision 766/QD-TTg";

    public const string Unverified =
        "Chưa đối chiếu được nguyên văn điều khoản đánh giá của Nghị định 118/2025/NĐ-CP; chín tiêu chí lấy theo bộ chỉ số đã công bố trên Cổng dịch vụ công Thừa Thiên Huế (tiêu chí 4–12) / "
        + "The evaluation article of Decree 118/2025/ND-CP could not be checked word for word; the nine follow the indicator set published on Thua Thien Hue's public service portal (its criteria 4-12).";

    public static IReadOnlyList<SurveyCriterion> Nine { get; } =
    [
        new("total-time", "Thời gian giải quyết thủ tục hành chính so với thời gian cho phép theo quy định của pháp luật",
            "Total processing time against the time the law allows"),
        new("agency-time", "Thời gian thực hiện giải quyết của từng cơ quan, đơn vị so với quy định",
            "Processing time of each agency involved against its allowance"),
        new("contacts", "Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ",
            "Number of contacts with the receiving desk needed to complete the dossier"),
        new("agencies-contacted", "Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ",
            "Number of agencies, units or organisations contacted to complete the dossier"),
        new("one-stop", "Thực hiện tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa",
            "Receipt, processing and delivery of the result through the one-stop desk"),
        new("publicity", "Mức độ công khai thủ tục hành chính", "Publicity of the administrative procedure"),
        new("staff-attitude", "Thái độ của cán bộ, công chức, viên chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ",
            "Attitude of the officers who guided, received and processed the dossier"),
        new("feedback", "Tiếp thu, giải trình đối với ý kiến phản ánh, kiến nghị của tổ chức, cá nhân",
            "Handling of and answers to the applicant's feedback and recommendations"),
        new("online-quality", "Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến",
            "Progress and quality of the online public service"),
    ];
}
