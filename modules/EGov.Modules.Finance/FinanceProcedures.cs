using EGov.Kernel;
using EGov.Modules.Sdk;

namespace EGov.Modules.Finance;

/// <summary>
/// Business registration procedures. The 3-working-day limit is Luật Doanh nghiệp 2020, Art. 26; the dossiers follow
/// Nghị định 168/2025/NĐ-CP, which replaced Nghị định 01/2021/NĐ-CP on 1 July 2025. Anything not checked against
/// the current catalog entry carries <see cref="ProcedureDefinition.Unverified"/>.
/// </summary>
internal static class FinanceProcedures
{
    private const string EnterpriseLaw = "Luật Doanh nghiệp số 59/2020/QH14 (Điều 26)";
    private const string RegistrationDecree = "Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp";
    private const string EnterpriseFeeCircular = "Thông tư 47/2019/TT-BTC (lệ phí đăng ký doanh nghiệp)";

    // The fee field holds the registration fee only; the separate publication charge is named in Unverified.
    private const string EnterpriseFeeNote =
        "Lệ phí 50.000 đồng theo Thông tư 47/2019/TT-BTC (miễn khi nộp trực tuyến) và phí công bố nội dung đăng ký doanh nghiệp 100.000 đồng chưa tính; cần đối chiếu biểu phí hiện hành và số điều của Nghị định 168/2025/NĐ-CP.";

    private static readonly DocumentRequirement IdentityCard = new("identity-card", "Bản sao giấy tờ pháp lý của cá nhân (Căn cước / Căn cước công dân / Hộ chiếu)");
    private static readonly DocumentRequirement Authorization = new("authorization-letter", "Văn bản ủy quyền cho người nộp hồ sơ", Mandatory: false);

    // Both limited-company procedures are examined at the Business Registration Office and signed by its head.
    private static readonly IReadOnlyList<StepDefinition> EnterpriseSteps =
    [
        new("review", "Chuyên viên Phòng Đăng ký kinh doanh kiểm tra tính hợp lệ của hồ sơ và tên doanh nghiệp", FinanceUnits.Department, Roles.Specialist, ProcessingTime.WorkingDays(2)),
        new("sign", "Trưởng phòng Đăng ký kinh doanh ký Giấy chứng nhận đăng ký doanh nghiệp", FinanceUnits.Department, Roles.Leader, ProcessingTime.WorkingDays(1)),
    ];

    private static readonly IReadOnlyList<StepDefinition> HouseholdSteps =
    [
        new("review", "Công chức phòng chuyên môn cấp xã kiểm tra hồ sơ và tên hộ kinh doanh", FinanceUnits.Commune, Roles.Specialist, ProcessingTime.WorkingDays(2)),
        new("sign", "Lãnh đạo UBND xã ký Giấy chứng nhận đăng ký hộ kinh doanh", FinanceUnits.Commune, Roles.Leader, ProcessingTime.WorkingDays(1)),
    ];

    public static readonly ProcedureDefinition SingleMemberLimitedCompany = new(
        Code: "TC-DN-01",
        Name: "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên",
        UnitCode: FinanceUnits.Department,
        LegalBasis: $"{EnterpriseLaw}; {RegistrationDecree}; {EnterpriseFeeCircular}",
        ProcessingTime: ProcessingTime.WorkingDays(3),
        OnlineLevel: OnlineLevel.Full,
        RequiredDocuments:
        [
            new("enterprise-registration-form", "Giấy đề nghị đăng ký doanh nghiệp"),
            new("company-charter", "Điều lệ công ty"),
            IdentityCard,
            new("organization-legal-papers", "Bản sao giấy tờ pháp lý của tổ chức (khi chủ sở hữu là tổ chức)", Mandatory: false),
            new("investment-registration-certificate", "Giấy chứng nhận đăng ký đầu tư (khi chủ sở hữu là nhà đầu tư nước ngoài)", Mandatory: false),
            Authorization,
        ],
        Fee: 50_000m,
        Steps: EnterpriseSteps)
    {
        Form = FinanceForms.CompanyRegistration,
        Unverified = EnterpriseFeeNote,
    };

    public static readonly ProcedureDefinition MultiMemberLimitedCompany = new(
        Code: "TC-DN-02",
        Name: "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên",
        UnitCode: FinanceUnits.Department,
        LegalBasis: $"{EnterpriseLaw}; {RegistrationDecree}; {EnterpriseFeeCircular}",
        ProcessingTime: ProcessingTime.WorkingDays(3),
        OnlineLevel: OnlineLevel.Full,
        RequiredDocuments:
        [
            new("enterprise-registration-form", "Giấy đề nghị đăng ký doanh nghiệp"),
            new("company-charter", "Điều lệ công ty"),
            new("member-list", "Danh sách thành viên"),
            IdentityCard,
            new("organization-legal-papers", "Bản sao giấy tờ pháp lý của tổ chức là thành viên", Mandatory: false),
            new("investment-registration-certificate", "Giấy chứng nhận đăng ký đầu tư (khi có thành viên là nhà đầu tư nước ngoài)", Mandatory: false),
            Authorization,
        ],
        Fee: 50_000m,
        Steps: EnterpriseSteps)
    {
        Form = FinanceForms.CompanyRegistration,
        Unverified = EnterpriseFeeNote,
    };

    public static readonly ProcedureDefinition EnterpriseDetailsChange = new(
        Code: "TC-DN-03",
        Name: "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
        UnitCode: FinanceUnits.Department,
        LegalBasis: $"Luật Doanh nghiệp số 59/2020/QH14 (Điều 30); {RegistrationDecree}; {EnterpriseFeeCircular}",
        ProcessingTime: ProcessingTime.WorkingDays(3),
        OnlineLevel: OnlineLevel.Full,
        RequiredDocuments:
        [
            new("enterprise-change-notice", "Thông báo thay đổi nội dung đăng ký doanh nghiệp do người đại diện theo pháp luật ký"),
            new("owner-resolution", "Nghị quyết, quyết định của chủ sở hữu / Hội đồng thành viên / Đại hội đồng cổ đông về việc thay đổi"),
            new("owner-meeting-minutes", "Bản sao biên bản họp Hội đồng thành viên / Đại hội đồng cổ đông", Mandatory: false),
            IdentityCard,
            Authorization,
        ],
        Fee: 50_000m,
        Steps: EnterpriseSteps)
    {
        Form = FinanceForms.EnterpriseChange,
        // The catalog splits this into one entry per kind of change (address, capital, legal representative...);
        // the platform keeps one generic entry until the province picks the ones it publishes.
        Unverified = "Danh mục quốc gia tách thành nhiều thủ tục theo từng nội dung thay đổi (trụ sở, vốn, người đại diện...); hồ sơ ở đây là phần chung. " + EnterpriseFeeNote,
    };

    public static readonly ProcedureDefinition HouseholdBusinessRegistration = new(
        Code: "TC-HKD-01",
        Name: "Đăng ký thành lập hộ kinh doanh",
        UnitCode: FinanceUnits.Commune,
        LegalBasis: $"{RegistrationDecree} (đăng ký hộ kinh doanh tại cấp xã từ 01/7/2025); Thông tư 85/2019/TT-BTC (lệ phí do HĐND cấp tỉnh quy định)",
        ProcessingTime: ProcessingTime.WorkingDays(3),
        OnlineLevel: OnlineLevel.Full,
        RequiredDocuments:
        [
            new("household-business-registration-form", "Giấy đề nghị đăng ký hộ kinh doanh"),
            IdentityCard,
            new("household-members-minutes", "Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (khi các thành viên hộ gia đình cùng đăng ký)", Mandatory: false),
            Authorization,
        ],
        Fee: 100_000m,
        Steps: HouseholdSteps)
    {
        Form = FinanceForms.HouseholdBusinessRegistration,
        Unverified = "Mức lệ phí do HĐND tỉnh quy định (100.000 đồng là mức minh họa); thời hạn 3 ngày làm việc cần đối chiếu Nghị định 168/2025/NĐ-CP.",
    };

    public static readonly ProcedureDefinition HouseholdBusinessChange = new(
        Code: "TC-HKD-02",
        Name: "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
        UnitCode: FinanceUnits.Commune,
        LegalBasis: $"{RegistrationDecree}; Thông tư 85/2019/TT-BTC (lệ phí do HĐND cấp tỉnh quy định)",
        ProcessingTime: ProcessingTime.WorkingDays(3),
        OnlineLevel: OnlineLevel.Full,
        RequiredDocuments:
        [
            new("household-business-change-notice", "Thông báo thay đổi nội dung đăng ký hộ kinh doanh"),
            IdentityCard,
            new("household-members-minutes", "Biên bản họp thành viên hộ gia đình về việc thay đổi (khi hộ kinh doanh do các thành viên hộ gia đình đăng ký)", Mandatory: false),
            Authorization,
        ],
        Fee: 100_000m,
        Steps: HouseholdSteps)
    {
        Form = FinanceForms.HouseholdBusinessChange,
        Unverified = "Mức lệ phí do HĐND tỉnh quy định (100.000 đồng là mức minh họa); thời hạn và thành phần hồ sơ cần đối chiếu Nghị định 168/2025/NĐ-CP.",
    };

    public static readonly IReadOnlyList<ProcedureDefinition> All =
    [
        SingleMemberLimitedCompany, MultiMemberLimitedCompany, EnterpriseDetailsChange, HouseholdBusinessRegistration, HouseholdBusinessChange,
    ];
}
