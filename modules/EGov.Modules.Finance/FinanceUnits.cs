using EGov.Modules.Sdk;

namespace EGov.Modules.Finance;

internal static class FinanceUnits
{
    /// <summary>Sở Tài chính; its Business Registration Office (Phòng Đăng ký kinh doanh) handles enterprises.</summary>
    public const string Department = "STC";

    /// <summary>
    /// Demo commune (invented for the sample province): household businesses register at commune level since the
    /// two-tier local government of 1 July 2025. A unit is declared by one module only, hence a commune of its own.
    /// </summary>
    public const string Commune = "XA-PHUNHUAN";

    public static readonly IReadOnlyList<UnitDefinition> All =
    [
        new(Department, "H10.21", "Sở Tài chính", "Department of Finance"),
        new(Commune, "H10.61", "Ủy ban nhân dân xã Phú Nhuận", "Phú Nhuận Commune People's Committee"),
    ];
}
