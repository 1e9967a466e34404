using EGov.Modules.Sdk;

namespace EGov.Modules.Justice;

internal static class JusticeUnits
{
    public const string Department = "STP";
    public const string Commune = "XA-TANDINH";

    public static readonly IReadOnlyList<UnitDefinition> All =
    [
        new(Department, "H10.22", "Sở Tư pháp", "Department of Justice"),
        new(Commune, "H10.60", "Ủy ban nhân dân xã Tân Định", "Tân Định Commune People's Committee"),
    ];
}
