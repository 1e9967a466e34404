using EGov.Kernel;
using EGov.Modules.Sdk;

namespace EGov.Modules.Justice;

/// <summary>
/// Procedures of the justice sector. Processing times, fees and legal bases are taken from the laws cited;
/// anything not checked against the current text carries <see cref="ProcedureDefinition.Unverified"/>.
/// </summary>
internal static class JusticeProcedures
{
    private static readonly DocumentRequirement IdentityCard = new("identity-card", "Căn cước / Căn cước công dân (bản chính để đối chiếu)");

    public static readonly ProcedureDefinition CriminalRecordCertificate = new(
        Code: "TP-LLTP-01",
        Name: "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
        UnitCode: JusticeUnits.Department,
        LegalBasis: "Luật Lý lịch tư pháp số 28/2009/QH12 (Điều 45–48); Nghị định 111/2010/NĐ-CP; Thông tư 244/2016/TT-BTC (phí)",
        ProcessingTime: ProcessingTime.WorkingDays(10),
        OnlineLevel: OnlineLevel.Full,
        RequiredDocuments:
        [
            new("criminal-record-request", "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)"),
            IdentityCard,
            new("residence-confirmation", "Giấy tờ chứng minh nơi cư trú", Mandatory: false),
        ],
        Fee: 200_000m,
        Steps:
        [
            new("verify", "Tra cứu, xác minh thông tin lý lịch tư pháp", JusticeUnits.Department, Roles.Specialist, ProcessingTime.WorkingDays(7)),
            new("sign", "Lãnh đạo Sở ký Phiếu lý lịch tư pháp", JusticeUnits.Department, Roles.Leader, ProcessingTime.WorkingDays(3)),
        ])
    {
        Form = JusticeForms.CriminalRecordCertificate,
        // Art. 48 says "không quá 10 ngày" (calendar days) and the issuing authority moved to the police in 2025;
        // both are to be confirmed against the current catalog entry before production.
        Unverified = "Thời hạn theo Điều 48 tính theo ngày (không phải ngày làm việc); thẩm quyền cấp có thể đã chuyển sang Công an tỉnh từ 2025.",
    };

    public static readonly ProcedureDefinition BirthRegistration = new(
        Code: "TP-HT-KS-01",
        Name: "Đăng ký khai sinh",
        UnitCode: JusticeUnits.Commune,
        LegalBasis: "Luật Hộ tịch số 60/2014/QH13 (Điều 16); Nghị định 123/2015/NĐ-CP; Thông tư 04/2020/TT-BTP",
        ProcessingTime: ProcessingTime.WorkingDays(1),
        OnlineLevel: OnlineLevel.Full,
        RequiredDocuments:
        [
            new("birth-registration-form", "Tờ khai đăng ký khai sinh"),
            new("birth-certificate-medical", "Giấy chứng sinh (hoặc văn bản của người làm chứng / giấy cam đoan)"),
            IdentityCard,
            new("marriage-certificate", "Giấy chứng nhận kết hôn của cha mẹ", Mandatory: false),
        ],
        Fee: 0m,
        Steps:
        [
            new("verify", "Công chức tư pháp – hộ tịch kiểm tra, ghi sổ hộ tịch", JusticeUnits.Commune, Roles.Specialist, ProcessingTime.WorkingHours(4)),
            new("sign", "Chủ tịch UBND xã ký Giấy khai sinh", JusticeUnits.Commune, Roles.Leader, ProcessingTime.WorkingHours(4)),
        ])
    {
        Form = JusticeForms.BirthRegistration,
        // Art. 16: registered on receipt; a dossier received after 15:00 that cannot be finished is done the next working day.
        SameDay = true,
    };

    public static readonly ProcedureDefinition MarriageRegistration = new(
        Code: "TP-HT-KH-01",
        Name: "Đăng ký kết hôn",
        UnitCode: JusticeUnits.Commune,
        LegalBasis: "Luật Hộ tịch số 60/2014/QH13 (Điều 18); Luật Hôn nhân và gia đình số 52/2014/QH13; Nghị định 123/2015/NĐ-CP",
        ProcessingTime: ProcessingTime.WorkingDays(5),
        OnlineLevel: OnlineLevel.Partial,
        RequiredDocuments:
        [
            new("marriage-registration-form", "Tờ khai đăng ký kết hôn"),
            IdentityCard,
            new("marital-status-confirmation", "Giấy xác nhận tình trạng hôn nhân", Mandatory: false),
        ],
        Fee: 0m,
        Steps:
        [
            new("verify", "Công chức tư pháp – hộ tịch kiểm tra, xác minh điều kiện kết hôn", JusticeUnits.Commune, Roles.Specialist, ProcessingTime.WorkingDays(4)),
            new("sign", "Chủ tịch UBND xã ký Giấy chứng nhận kết hôn", JusticeUnits.Commune, Roles.Leader, ProcessingTime.WorkingDays(1)),
        ])
    {
        Form = JusticeForms.MarriageRegistration,
        // Art. 18 registers on receipt when nothing needs checking; 5 working days is the ceiling when verification is needed.
        Unverified = "Thời hạn 5 ngày làm việc áp dụng khi cần xác minh; trường hợp thông thường giải quyết ngay trong ngày.",
    };

    // Units of other agencies, declared by their own modules (Police, SocialInsurance): named here by code only,
    // since modules never reference each other. With either module off, the procedure is simply not served.
    private const string CommunePolice = "CA-TANDINH";
    private const string SocialInsurance = "BHXH-TANDINH";

    /// <summary>
    /// The inter-agency group of Decree 63/2024/NĐ-CP: the commune registers the birth, the police register permanent
    /// residence, social insurance issues the child's health-insurance card. One dossier, one code, one timeline;
    /// each agency's step has its own deadline.
    /// </summary>
    public static readonly ProcedureDefinition BirthResidenceHealthInsurance = new(
        Code: "LT-KS-TT-BHYT-01",
        Name: "Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi",
        UnitCode: JusticeUnits.Commune,
        LegalBasis: "Nghị định 63/2024/NĐ-CP; Luật Hộ tịch 2014; Luật Cư trú 2020 (Điều 22); Luật Bảo hiểm y tế (thẻ BHYT trẻ em dưới 6 tuổi)",
        ProcessingTime: ProcessingTime.WorkingDays(6),
        OnlineLevel: OnlineLevel.Full,
        RequiredDocuments:
        [
            new("interagency-birth-form", "Tờ khai điện tử liên thông (khai sinh, thường trú, BHYT)"),
            new("birth-certificate-medical", "Giấy chứng sinh"),
            IdentityCard,
            new("residence-consent", "Ý kiến đồng ý của chủ hộ / chủ sở hữu chỗ ở hợp pháp", Mandatory: false),
        ],
        Fee: 0m,
        Steps:
        [
            new("verify", "Công chức tư pháp – hộ tịch kiểm tra, ghi sổ khai sinh", JusticeUnits.Commune, Roles.Specialist, ProcessingTime.WorkingHours(4)),
            new("sign", "Chủ tịch UBND xã ký Giấy khai sinh, chuyển liên thông", JusticeUnits.Commune, Roles.Leader, ProcessingTime.WorkingHours(4)),
            new("residence", "Công an xã đăng ký thường trú cho trẻ", CommunePolice, Roles.Specialist, ProcessingTime.WorkingDays(3)),
            new("insurance", "Bảo hiểm xã hội kiểm tra, lập thẻ BHYT", SocialInsurance, Roles.Specialist, ProcessingTime.WorkingDays(1)),
            new("issue-card", "Lãnh đạo BHXH duyệt cấp thẻ BHYT", SocialInsurance, Roles.Leader, ProcessingTime.WorkingDays(1)),
        ])
    {
        Form = JusticeForms.BirthResidenceInsurance,
        Unverified = "Thời hạn từng bước theo Nghị định 63/2024/NĐ-CP cần đối chiếu (khai sinh trong ngày, thường trú, thẻ BHYT); đơn vị Công an xã và BHXH là đơn vị mẫu.",
    };

    public static readonly IReadOnlyList<ProcedureDefinition> All =
        [CriminalRecordCertificate, BirthRegistration, MarriageRegistration, BirthResidenceHealthInsurance];
}
