using EGov.Kernel;
using EGov.Modules.Sdk;

namespace EGov.Modules.Agriculture;

/// <summary>
/// Land registration procedures under Luật Đất đai 2024 and Nghị định 101/2024/NĐ-CP (registration and
/// certificates), with the competences moved by Nghị định 151/2025/NĐ-CP for the two-tier local government.
/// The land registration office does the cadastral work in each; who signs depends on the applicant.
/// Anything not checked against the current catalog entry carries <see cref="ProcedureDefinition.Unverified"/>.
/// </summary>
internal static class AgricultureProcedures
{
    private const string LandLaw = "Luật Đất đai số 31/2024/QH15";
    private const string RegistrationDecree = "Nghị định 101/2024/NĐ-CP (đăng ký, cấp Giấy chứng nhận)";
    private const string DecentralisationDecree = "Nghị định 151/2025/NĐ-CP (phân định thẩm quyền chính quyền địa phương hai cấp, phân quyền, phân cấp lĩnh vực đất đai)";

    // With the national population database, officers look the applicant up; the card is asked for only as a fallback.
    private static readonly DocumentRequirement IdentityCard = new("identity-card", "Căn cước / Căn cước công dân (khi chưa khai thác được từ Cơ sở dữ liệu quốc gia về dân cư)", Mandatory: false);

    private static readonly IReadOnlyList<DocumentRequirement> FirstRegistrationDocuments =
    [
        new("land-registration-form", "Đơn đăng ký đất đai, tài sản gắn liền với đất"),
        new("land-origin-papers", "Giấy tờ về quyền sử dụng đất theo Điều 137 Luật Đất đai (khi có)", Mandatory: false),
        new("property-ownership-papers", "Giấy tờ về quyền sở hữu tài sản gắn liền với đất (khi đề nghị chứng nhận tài sản)", Mandatory: false),
        new("cadastral-survey-extract", "Mảnh trích đo bản đồ địa chính thửa đất (khi có)", Mandatory: false),
        new("financial-obligation-receipts", "Chứng từ thực hiện nghĩa vụ tài chính; giấy tờ miễn, giảm nghĩa vụ tài chính (khi có)", Mandatory: false),
        IdentityCard,
    ];

    private const string FirstRegistrationNote =
        "Thời hạn 20 ngày làm việc (17 ngày đăng ký lần đầu + 3 ngày cấp Giấy chứng nhận) theo Điều 22 Nghị định 101/2024/NĐ-CP chưa đối chiếu, và chưa trừ thời gian niêm yết công khai, thực hiện nghĩa vụ tài chính; lệ phí cấp Giấy chứng nhận do HĐND tỉnh quy định (mức minh họa).";

    public static readonly ProcedureDefinition FirstCertificateForIndividuals = new(
        Code: "NN-DD-01",
        Name: "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với cá nhân",
        UnitCode: AgricultureUnits.Commune,
        LegalBasis: $"{LandLaw} (Điều 131, 136, 137, 138); {RegistrationDecree}; {DecentralisationDecree}; lệ phí theo nghị quyết HĐND tỉnh",
        ProcessingTime: ProcessingTime.WorkingDays(20),
        OnlineLevel: OnlineLevel.Partial,
        RequiredDocuments: FirstRegistrationDocuments,
        Fee: 100_000m,
        Steps:
        [
            new("verify", "Công chức địa chính xã kiểm tra hồ sơ, xác nhận hiện trạng, nguồn gốc sử dụng đất và niêm yết công khai", AgricultureUnits.Commune, Roles.Specialist, ProcessingTime.WorkingDays(8)),
            new("cadastral", "Văn phòng Đăng ký đất đai trích lục, kiểm tra bản đồ địa chính, xác định nghĩa vụ tài chính, cập nhật hồ sơ địa chính", AgricultureUnits.LandRegistrationOffice, Roles.Specialist, ProcessingTime.WorkingDays(9)),
            new("sign", "Chủ tịch UBND xã ký Giấy chứng nhận", AgricultureUnits.Commune, Roles.Leader, ProcessingTime.WorkingDays(3)),
        ])
    {
        Form = AgricultureForms.FirstRegistration,
        Unverified = FirstRegistrationNote,
    };

    public static readonly ProcedureDefinition FirstCertificateForOrganisations = new(
        Code: "NN-DD-02",
        Name: "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với tổ chức",
        UnitCode: AgricultureUnits.Department,
        LegalBasis: $"{LandLaw} (Điều 131, 136); {RegistrationDecree}; lệ phí theo nghị quyết HĐND tỉnh",
        ProcessingTime: ProcessingTime.WorkingDays(20),
        OnlineLevel: OnlineLevel.Partial,
        RequiredDocuments:
        [
            .. FirstRegistrationDocuments,
            new("land-allocation-decision", "Quyết định giao đất, cho thuê đất, công nhận quyền sử dụng đất (khi có)", Mandatory: false),
            new("organization-legal-papers", "Giấy tờ pháp lý của tổ chức"),
        ],
        Fee: 100_000m,
        Steps:
        [
            new("cadastral", "Văn phòng Đăng ký đất đai kiểm tra hồ sơ, thực địa, xác định nghĩa vụ tài chính, cập nhật hồ sơ địa chính", AgricultureUnits.LandRegistrationOffice, Roles.Specialist, ProcessingTime.WorkingDays(17)),
            new("sign", "Lãnh đạo Sở Nông nghiệp và Môi trường ký Giấy chứng nhận", AgricultureUnits.Department, Roles.Leader, ProcessingTime.WorkingDays(3)),
        ])
    {
        Form = AgricultureForms.FirstRegistration,
        Unverified = FirstRegistrationNote + " Sở có thể ủy quyền cho Văn phòng Đăng ký đất đai ký Giấy chứng nhận.",
    };

    public static readonly ProcedureDefinition TransferRegistration = new(
        Code: "NN-DD-03",
        Name: "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong trường hợp chuyển nhượng quyền sử dụng đất",
        UnitCode: AgricultureUnits.LandRegistrationOffice,
        LegalBasis: $"{LandLaw} (Điều 27, 45, 133); {RegistrationDecree}; {DecentralisationDecree}; lệ phí theo nghị quyết HĐND tỉnh",
        ProcessingTime: ProcessingTime.WorkingDays(8),
        OnlineLevel: OnlineLevel.Partial,
        RequiredDocuments:
        [
            new("land-change-registration-form", "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất"),
            new("transfer-contract", "Hợp đồng chuyển nhượng quyền sử dụng đất đã được công chứng hoặc chứng thực"),
            new("land-use-certificate", "Bản gốc Giấy chứng nhận đã cấp"),
            new("tax-declarations", "Tờ khai lệ phí trước bạ, tờ khai thuế thu nhập cá nhân"),
            IdentityCard,
        ],
        Fee: 50_000m,
        Steps:
        [
            new("check", "Chuyên viên kiểm tra hồ sơ, gửi thông tin xác định nghĩa vụ tài chính đến cơ quan thuế", AgricultureUnits.LandRegistrationOffice, Roles.Specialist, ProcessingTime.WorkingDays(3)),
            new("update", "Chuyên viên chỉnh lý, cập nhật hồ sơ địa chính, in Giấy chứng nhận", AgricultureUnits.LandRegistrationOffice, Roles.Specialist, ProcessingTime.WorkingDays(3)),
            new("sign", "Lãnh đạo Văn phòng Đăng ký đất đai ký Giấy chứng nhận", AgricultureUnits.LandRegistrationOffice, Roles.Leader, ProcessingTime.WorkingDays(2)),
        ])
    {
        Form = AgricultureForms.Transfer,
        // Under the pre-2024 rules the same registration took 10 working days; the 2024 figure is from memory.
        Unverified = "Thời hạn 8 ngày làm việc theo Điều 22 Nghị định 101/2024/NĐ-CP chưa đối chiếu (quy định cũ: 10 ngày), không tính thời gian thực hiện nghĩa vụ tài chính; lệ phí 50.000 đồng là mức minh họa (lệ phí trước bạ, thuế thu nhập cá nhân nộp riêng).",
    };

    public static readonly IReadOnlyList<ProcedureDefinition> All = [FirstCertificateForIndividuals, FirstCertificateForOrganisations, TransferRegistration];
}
