using EGov.Kernel;
using EGov.Modules.Sdk;

namespace EGov.Modules.Construction;

/// <summary>
/// Construction procedures. Permit time limits are Luật Xây dựng 2014 (amended 2020), Art. 102; dossiers and
/// certificates follow Nghị định 175/2024/NĐ-CP. Anything not checked against the current catalog entry carries
/// <see cref="ProcedureDefinition.Unverified"/>.
/// </summary>
internal static class ConstructionProcedures
{
    private const string ConstructionLaw = "Luật Xây dựng số 50/2014/QH13, sửa đổi, bổ sung bởi Luật số 62/2020/QH14";
    private const string ConstructionDecree = "Nghị định 175/2024/NĐ-CP";

    private static readonly DocumentRequirement PermitApplication = new("building-permit-application", "Đơn đề nghị cấp giấy phép xây dựng");
    private static readonly DocumentRequirement IdentityCardOrPassport = new("identity-card", "Căn cước / Căn cước công dân / Hộ chiếu (khi chưa tích hợp Cơ sở dữ liệu quốc gia về dân cư)", Mandatory: false);
    private static readonly DocumentRequirement LandUseCertificate = new("land-use-certificate", "Bản sao giấy tờ chứng minh quyền sử dụng đất theo quy định của pháp luật về đất đai");

    public static readonly ProcedureDefinition PrivateHousePermit = new(
        Code: "XD-GPXD-01",
        Name: "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
        UnitCode: ConstructionUnits.Commune,
        LegalBasis: $"{ConstructionLaw} (Điều 89, 93, 95, 102, 103); {ConstructionDecree}; phân cấp cho UBND cấp xã từ 01/7/2025 theo nghị định phân định thẩm quyền chính quyền địa phương hai cấp lĩnh vực xây dựng; lệ phí theo nghị quyết HĐND tỉnh",
        ProcessingTime: ProcessingTime.WorkingDays(15),
        OnlineLevel: OnlineLevel.Full,
        RequiredDocuments:
        [
            PermitApplication,
            LandUseCertificate,
            new("construction-drawings", "02 bộ bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng kỹ thuật)"),
            new("adjacent-works-safety-commitment", "Bản cam kết bảo đảm an toàn đối với công trình liền kề (khi có công trình liền kề)", Mandatory: false),
            new("design-appraisal-result", "Báo cáo kết quả thẩm tra thiết kế (nhà có tầng hầm, từ 07 tầng trở lên)", Mandatory: false),
        ],
        Fee: 75_000m,
        Steps:
        [
            new("appraise", "Công chức phòng chuyên môn cấp xã thẩm định hồ sơ, kiểm tra thực địa", ConstructionUnits.Commune, Roles.Specialist, ProcessingTime.WorkingDays(12)),
            new("sign", "Chủ tịch UBND xã ký giấy phép xây dựng", ConstructionUnits.Commune, Roles.Leader, ProcessingTime.WorkingDays(3)),
        ])
    {
        Form = ConstructionForms.HousePermit,
        Unverified = "Điều 102 ghi \"15 ngày\" (chưa rõ ngày làm việc hay ngày lịch); số hiệu nghị định phân cấp thẩm quyền cho cấp xã (2025) chưa đối chiếu; lệ phí 75.000 đồng là mức minh họa, do HĐND tỉnh quy định.",
    };

    public static readonly ProcedureDefinition ProjectPermit = new(
        Code: "XD-GPXD-02",
        Name: "Cấp giấy phép xây dựng mới đối với công trình không theo tuyến (công trình cấp I, cấp II)",
        UnitCode: ConstructionUnits.Department,
        LegalBasis: $"{ConstructionLaw} (Điều 89, 95, 102, 103); {ConstructionDecree}; lệ phí theo nghị quyết HĐND tỉnh",
        ProcessingTime: ProcessingTime.WorkingDays(20),
        OnlineLevel: OnlineLevel.Partial,
        RequiredDocuments:
        [
            PermitApplication,
            LandUseCertificate,
            new("investment-decision", "Quyết định phê duyệt dự án đầu tư xây dựng"),
            new("design-appraisal-notice", "Văn bản thông báo kết quả thẩm định thiết kế xây dựng của cơ quan chuyên môn về xây dựng (khi có)", Mandatory: false),
            new("construction-drawings", "02 bộ bản vẽ thiết kế xây dựng triển khai sau thiết kế cơ sở được phê duyệt"),
            new("fire-safety-approval", "Văn bản thẩm duyệt thiết kế về phòng cháy và chữa cháy (khi thuộc diện phải thẩm duyệt)", Mandatory: false),
            new("environmental-permit", "Văn bản về thủ tục môi trường theo quy định (khi có)", Mandatory: false),
        ],
        Fee: 150_000m,
        Steps:
        [
            new("appraise", "Chuyên viên Sở Xây dựng thẩm định hồ sơ, kiểm tra thực địa", ConstructionUnits.Department, Roles.Specialist, ProcessingTime.WorkingDays(12)),
            // Art. 102 asks the agencies managing related fields (fire, environment, roads...) for their opinion.
            new("consult", "Lấy ý kiến các cơ quan quản lý nhà nước về lĩnh vực liên quan đến công trình", ConstructionUnits.Department, Roles.Specialist, ProcessingTime.WorkingDays(5)),
            new("sign", "Lãnh đạo Sở Xây dựng ký giấy phép xây dựng", ConstructionUnits.Department, Roles.Leader, ProcessingTime.WorkingDays(3)),
        ])
    {
        Form = ConstructionForms.WorksPermit,
        Unverified = "Điều 102 ghi \"20 ngày\" (chưa rõ ngày làm việc hay ngày lịch); lệ phí 150.000 đồng là mức minh họa, do HĐND tỉnh quy định; thẩm quyền theo cấp công trình cần đối chiếu quyết định phân cấp của UBND tỉnh.",
    };

    public static readonly ProcedureDefinition PractisingCertificate = new(
        Code: "XD-CCHN-01",
        Name: "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III",
        UnitCode: ConstructionUnits.Department,
        LegalBasis: $"{ConstructionLaw} (Điều 148, 149); {ConstructionDecree}; Thông tư 38/2022/TT-BTC (phí sát hạch, lệ phí cấp chứng chỉ)",
        ProcessingTime: ProcessingTime.WorkingDays(20),
        OnlineLevel: OnlineLevel.Full,
        RequiredDocuments:
        [
            new("practising-certificate-application", "Đơn đề nghị cấp chứng chỉ hành nghề hoạt động xây dựng"),
            new("portrait-photo", "01 ảnh màu cỡ 4 x 6 cm (tệp ảnh khi nộp trực tuyến)"),
            new("degree-certificate", "Văn bằng do cơ sở đào tạo hợp pháp cấp phù hợp với lĩnh vực đề nghị cấp chứng chỉ"),
            new("work-experience-declaration", "Bản kê khai kinh nghiệm công việc chuyên môn"),
            IdentityCardOrPassport,
            new("practising-certificate", "Chứng chỉ hành nghề đã được cấp (khi đề nghị nâng hạng)", Mandatory: false),
        ],
        Fee: 150_000m,
        Steps:
        [
            new("check", "Chuyên viên kiểm tra hồ sơ, đối chiếu điều kiện năng lực", ConstructionUnits.Department, Roles.Specialist, ProcessingTime.WorkingDays(5)),
            new("examine", "Tổ chức sát hạch và Hội đồng xét cấp chứng chỉ hành nghề đánh giá", ConstructionUnits.Department, Roles.Specialist, ProcessingTime.WorkingDays(12)),
            new("sign", "Lãnh đạo Sở Xây dựng ký chứng chỉ hành nghề", ConstructionUnits.Department, Roles.Leader, ProcessingTime.WorkingDays(3)),
        ])
    {
        Form = ConstructionForms.PractisingCertificate,
        Unverified = "Thời hạn 20 ngày lấy theo Nghị định 15/2021/NĐ-CP, chưa đối chiếu Nghị định 175/2024/NĐ-CP; lệ phí cấp chứng chỉ 150.000 đồng (chưa gồm phí sát hạch) cần đối chiếu Thông tư 38/2022/TT-BTC.",
    };

    public static readonly IReadOnlyList<ProcedureDefinition> All = [PrivateHousePermit, ProjectPermit, PractisingCertificate];
}
