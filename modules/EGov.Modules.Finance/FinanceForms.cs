using EGov.Modules.Sdk;

namespace EGov.Modules.Finance;

/// <summary>
/// The form fields of the finance procedures: the parts of the registration forms (giấy đề nghị đăng ký)
/// that the dossier carries as data. The name check against the registry stays in <see cref="EnterpriseNameValidator"/>.
/// </summary>
internal static class FinanceForms
{
    // An enterprise code is the tax code: 10 digits, a dependent unit's 13 (Luật Quản lý thuế 2019, Art. 30; written 10-3).
    private const string EnterpriseCodePattern = "[0-9]{10}(-?[0-9]{3})?";

    private static readonly FormField HeadOfficeAddress = new("headOfficeAddress", "Địa chỉ trụ sở chính", "Head office address", FormFieldType.Text)
    {
        MaxLength = 500,
    };

    private static readonly FormField CharterCapital = new("charterCapitalVnd", "Vốn điều lệ (đồng)", "Charter capital (VND)", FormFieldType.Integer)
    {
        Min = 1,
        Max = 1_000_000_000_000_000m,
        HelpVi = "Ghi bằng số, không dấu phân cách.",
        HelpEn = "Digits only, no separators.",
    };

    private static readonly FormField BusinessEmail = new("businessEmail", "Thư điện tử của doanh nghiệp", "Business e-mail", FormFieldType.Email);

    private static readonly FormField BusinessPhone = new("businessPhone", "Điện thoại liên hệ", "Contact phone", FormFieldType.Phone);

    /// <summary>Founding a company (one or several members): the proposed name is required (Luật Doanh nghiệp 2020, Art. 37–41).</summary>
    public static readonly ProcedureForm CompanyRegistration = new(
    [
        new(EnterpriseNames.DetailKey, "Tên doanh nghiệp viết bằng tiếng Việt", "Enterprise name in Vietnamese", FormFieldType.Text)
        {
            Required = true,
            MaxLength = EnterpriseNames.MaxLength,
            HelpVi = "Gồm loại hình và tên riêng, ví dụ: Công ty TNHH Minh An.",
            HelpEn = "The type of enterprise and its own name, e.g. Công ty TNHH Minh An.",
        },
        new("enterpriseNameEn", "Tên doanh nghiệp viết bằng tiếng nước ngoài", "Enterprise name in a foreign language", FormFieldType.Text)
        {
            MaxLength = EnterpriseNames.MaxLength,
        },
        HeadOfficeAddress,
        CharterCapital,
        BusinessEmail,
        BusinessPhone,
    ]);

    /// <summary>Changing a registered enterprise: which enterprise and what changes.</summary>
    public static readonly ProcedureForm EnterpriseChange = new(
    [
        new("enterpriseCode", "Mã số doanh nghiệp", "Enterprise code", FormFieldType.Text)
        {
            Pattern = EnterpriseCodePattern,
            HelpVi = "Mã số thuế 10 chữ số (đơn vị phụ thuộc 13 chữ số).",
            HelpEn = "The 10-digit tax code (13 digits for a dependent unit).",
        },
        new("changeKind", "Nội dung đăng ký thay đổi", "What is changed", FormFieldType.Choice)
        {
            Choices =
            [
                new("name", "Tên doanh nghiệp", "Enterprise name"),
                new("address", "Địa chỉ trụ sở chính", "Head office address"),
                new("legal-representative", "Người đại diện theo pháp luật", "Legal representative"),
                new("charter-capital", "Vốn điều lệ", "Charter capital"),
                new("business-lines", "Ngành, nghề kinh doanh", "Business lines"),
            ],
        },
        new("changeDescription", "Mô tả nội dung thay đổi", "Description of the change", FormFieldType.Multiline) { MaxLength = 2000 },
    ]);

    /// <summary>Founding a household business (Nghị định 168/2025/NĐ-CP).</summary>
    public static readonly ProcedureForm HouseholdBusinessRegistration = new(
    [
        new("businessName", "Tên hộ kinh doanh", "Household business name", FormFieldType.Text) { MaxLength = 200 },
        new("businessLines", "Ngành, nghề kinh doanh", "Business lines", FormFieldType.Multiline) { MaxLength = 1000 },
        HeadOfficeAddress with { LabelVi = "Địa điểm kinh doanh", LabelEn = "Business location" },
        CharterCapital with { Name = "capitalVnd", LabelVi = "Vốn kinh doanh (đồng)", LabelEn = "Business capital (VND)" },
        BusinessPhone,
    ]);

    /// <summary>Changing a household business's registration.</summary>
    public static readonly ProcedureForm HouseholdBusinessChange = new(
    [
        new("businessRegistrationNumber", "Mã số hộ kinh doanh", "Household business number", FormFieldType.Text)
        {
            Pattern = EnterpriseCodePattern,
            HelpVi = "Mã số thuế của hộ kinh doanh (10 chữ số).",
            HelpEn = "The household business's tax code (10 digits).",
        },
        new("changeDescription", "Nội dung đăng ký thay đổi", "What is changed", FormFieldType.Multiline) { MaxLength = 2000 },
    ]);
}
