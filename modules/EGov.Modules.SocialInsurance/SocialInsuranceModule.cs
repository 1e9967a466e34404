using EGov.Modules.Sdk;

namespace EGov.Modules.SocialInsurance;

/// <summary>
/// The social insurance office (Bảo hiểm xã hội, a demo unit) issues health-insurance cards for children under six
/// as the last agency of the inter-agency birth procedure the Justice module declares.
/// </summary>
public sealed class SocialInsuranceModule : IEGovModule
{
    public const string Unit = "BHXH-TANDINH";

    public string Name => "SocialInsurance";

    public ModuleDefinition Define() => new(
        [new UnitDefinition(Unit, "H10.80", "Bảo hiểm xã hội cơ sở Tân Định", "Tân Định Social Insurance Office")],
        []);
}
