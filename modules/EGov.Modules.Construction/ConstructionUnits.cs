using EGov.Modules.Sdk;

namespace EGov.Modules.Construction;

internal static class ConstructionUnits
{
    public const string Department = "SXD";

    /// <summary>
    /// Demo commune (invented for the sample province) that issues private-house permits. A unit is declared by one
    /// module only, so this module has a commune of its own rather than sharing Justice's.
    /// </summary>
    public const string Commune = "XA-BENTHANH";

    public static readonly IReadOnlyList<UnitDefinition> All =
    [
        new(Department, "H10.25", "Sở Xây dựng", "Department of Construction"),
        new(Commune, "H10.62", "Ủy ban nhân dân xã Bến Thành", "Bến Thành Commune People's Committee"),
    ];
}
