using EGov.Modules.Sdk;

namespace EGov.Modules.Agriculture;

internal static class AgricultureUnits
{
    public const string Department = "SNNMT";

    /// <summary>Văn phòng Đăng ký đất đai: the department's public service unit that keeps the cadastral records.</summary>
    public const string LandRegistrationOffice = "VPDKDD";

    /// <summary>
    /// Demo commune (invented for the sample province) that certifies individuals' land. A unit is declared by one
    /// module only, so this module has a commune of its own rather than sharing Justice's.
    /// </summary>
    public const string Commune = "XA-PHUOCLONG";

    public static readonly IReadOnlyList<UnitDefinition> All =
    [
        new(Department, "H10.26", "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment"),
        new(LandRegistrationOffice, "H10.27", "Văn phòng Đăng ký đất đai", "Land Registration Office"),
        new(Commune, "H10.63", "Ủy ban nhân dân xã Phước Long", "Phước Long Commune People's Committee"),
    ];
}
