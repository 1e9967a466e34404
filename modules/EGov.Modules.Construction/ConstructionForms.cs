using EGov.Modules.Sdk;

namespace EGov.Modules.Construction;

/// <summary>
/// The form fields of the construction procedures (đơn đề nghị cấp giấy phép, Nghị định 175/2024/NĐ-CP, Phụ lục II).
/// The plot area's schema is also what <see cref="BuildingPermitValidator"/> requires; the validator keeps the rule a
/// schema cannot say (the drawings attached).
/// </summary>
internal static class ConstructionForms
{
    private static readonly FormField PlotArea = new(BuildingPermitValidator.PlotAreaKey, "Diện tích lô đất (m²)", "Plot area (m²)", FormFieldType.Decimal)
    {
        Required = true,
        Min = 0.01m,
        Max = 100_000_000m,
        HelpVi = "Số dương, dấu chấm thập phân, ví dụ 120.5.",
        HelpEn = "A positive number with '.' as the decimal separator, e.g. 120.5.",
    };

    private static readonly FormField Site = new("siteAddress", "Địa điểm xây dựng", "Construction site", FormFieldType.Text) { MaxLength = 500 };

    private static readonly FormField Floors = new("floors", "Số tầng", "Number of floors", FormFieldType.Integer) { Min = 1, Max = 200 };

    private static readonly FormField BuildingArea = new("buildingAreaM2", "Diện tích xây dựng tầng 1 (m²)", "Ground-floor building area (m²)", FormFieldType.Decimal)
    {
        Min = 0.01m,
        Max = 100_000_000m,
    };

    /// <summary>A new detached house (nhà ở riêng lẻ).</summary>
    public static readonly ProcedureForm HousePermit = new([PlotArea, Site, BuildingArea, Floors]);

    /// <summary>A new non-linear work of grade I or II.</summary>
    public static readonly ProcedureForm WorksPermit = new(
    [
        PlotArea,
        Site,
        BuildingArea,
        Floors,
        new("worksGrade", "Cấp công trình", "Grade of the works", FormFieldType.Choice)
        {
            Choices = [new("I", "Cấp I", "Grade I"), new("II", "Cấp II", "Grade II")],
        },
    ]);

    /// <summary>A practising certificate of grade II or III.</summary>
    public static readonly ProcedureForm PractisingCertificate = new(
    [
        new("certificateGrade", "Hạng chứng chỉ đề nghị", "Grade applied for", FormFieldType.Choice)
        {
            Choices = [new("II", "Hạng II", "Grade II"), new("III", "Hạng III", "Grade III")],
        },
        new("practiceField", "Lĩnh vực hành nghề", "Field of practice", FormFieldType.Text) { MaxLength = 300 },
        new("yearsOfExperience", "Số năm kinh nghiệm", "Years of experience", FormFieldType.Integer) { Min = 0, Max = 70 },
    ]);
}
