using EGov.Modules.Sdk;

namespace EGov.Modules.Justice;

/// <summary>
/// The form fields of the justice procedures: the parts of the declarations (tờ khai) the dossier carries as data.
/// Optional where a paper declaration attached as a document may hold them instead.
/// </summary>
internal static class JusticeForms
{
    // The citizen identity number (số định danh cá nhân): exactly 12 digits, as for the applicant.
    private const string CitizenIdPattern = "[0-9]{12}";

    private static readonly FormField ChildFullName = new("childFullName", "Họ, chữ đệm và tên của trẻ", "Child's full name", FormFieldType.Text)
    {
        MaxLength = 200,
    };

    private static readonly FormField ChildBirthDate = new("childBirthDate", "Ngày, tháng, năm sinh của trẻ", "Child's date of birth", FormFieldType.Date);

    private static readonly FormField ChildSex = new("childSex", "Giới tính của trẻ", "Child's sex", FormFieldType.Choice)
    {
        Choices = [new("male", "Nam", "Male"), new("female", "Nữ", "Female")],
    };

    private static readonly FormField BirthPlace = new("birthPlace", "Nơi sinh", "Place of birth", FormFieldType.Text) { MaxLength = 500 };

    /// <summary>Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP).</summary>
    public static readonly ProcedureForm CriminalRecordCertificate = new(
    [
        new("certificateType", "Loại Phiếu yêu cầu cấp", "Kind of certificate", FormFieldType.Choice)
        {
            Choices =
            [
                new("1", "Phiếu lý lịch tư pháp số 1", "Criminal record certificate no. 1"),
                new("2", "Phiếu lý lịch tư pháp số 2", "Criminal record certificate no. 2"),
            ],
            HelpVi = "Phiếu số 2 chỉ cấp cho chính người được cấp (Điều 41 Luật Lý lịch tư pháp).",
            HelpEn = "Certificate no. 2 is issued only to the person it concerns (Art. 41, Law on Judicial Records).",
        },
        new("copies", "Số lượng Phiếu yêu cầu cấp", "Number of copies", FormFieldType.Integer) { Min = 1, Max = 10 },
        new("purpose", "Mục đích sử dụng Phiếu", "Purpose of the certificate", FormFieldType.Text)
        {
            MaxLength = 500,
            HelpVi = "Ví dụ: bổ sung hồ sơ xin việc.",
            HelpEn = "E.g. for a job application.",
        },
    ]);

    /// <summary>Tờ khai đăng ký khai sinh (Thông tư 04/2020/TT-BTP).</summary>
    public static readonly ProcedureForm BirthRegistration = new([ChildFullName, ChildBirthDate, ChildSex, BirthPlace]);

    /// <summary>Tờ khai đăng ký kết hôn: the other party (the applicant is the one party).</summary>
    public static readonly ProcedureForm MarriageRegistration = new(
    [
        new("spouseFullName", "Họ, chữ đệm và tên của bên kia", "Other party's full name", FormFieldType.Text) { MaxLength = 200 },
        new("spouseIdNumber", "Số định danh cá nhân của bên kia", "Other party's identity number", FormFieldType.Text) { Pattern = CitizenIdPattern },
        new("spouseBirthDate", "Ngày, tháng, năm sinh của bên kia", "Other party's date of birth", FormFieldType.Date),
    ]);

    /// <summary>The linked birth, residence and health-insurance registration of a child under six.</summary>
    public static readonly ProcedureForm BirthResidenceInsurance = new(
    [
        ChildFullName,
        ChildBirthDate,
        ChildSex,
        new("permanentAddress", "Nơi đăng ký thường trú", "Permanent residence to register", FormFieldType.Text) { MaxLength = 500 },
    ]);
}
