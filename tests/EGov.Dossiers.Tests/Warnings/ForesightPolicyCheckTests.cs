using EGov.Catalog;
using EGov.Modules.Sdk;

namespace EGov.Dossiers.Tests.Warnings;

/// <summary>The start-up check of a module's foresight policy: a wrong threshold flags everything or nothing, silently.</summary>
public sealed class ForesightPolicyCheckTests
{
    [Fact]
    public void The_platforms_defaults_pass()
    {
        Assert.Null(ForesightPolicyCheck.Problem(ForesightPolicy.Default));
        Assert.Null(ForesightPolicyCheck.Problem(new ForesightPolicy { RiskThreshold = 1, StepWarningFraction = 1, Escalation = [] }));
    }

    public static TheoryData<string, ForesightPolicy?> Wrong => new()
    {
        { "null", null },
        { "threshold 0", new ForesightPolicy { RiskThreshold = 0 } },
        { "threshold above 1", new ForesightPolicy { RiskThreshold = 1.01 } },
        { "threshold NaN", new ForesightPolicy { RiskThreshold = double.NaN } },
        { "share 0", new ForesightPolicy { StepWarningFraction = 0 } },
        { "share above 1", new ForesightPolicy { StepWarningFraction = 1.5 } },
        { "no chain", new ForesightPolicy { Escalation = null! } },
        { "negative days", new ForesightPolicy { Escalation = [new(-1, EscalationTarget.HoldingUnitLeader)] } },
        { "over 60 days", new ForesightPolicy { Escalation = [new(61, EscalationTarget.HoldingUnitLeader)] } },
        { "same days twice", new ForesightPolicy { Escalation = [new(2, EscalationTarget.HoldingUnitLeader), new(2, EscalationTarget.DepartmentHead)] } },
        { "decreasing", new ForesightPolicy { Escalation = [new(3, EscalationTarget.HoldingUnitLeader), new(1, EscalationTarget.DepartmentHead)] } },
        { "unknown target", new ForesightPolicy { Escalation = [new(0, (EscalationTarget)7)] } },
        { "null level", new ForesightPolicy { Escalation = [null!] } },
    };

    [Theory]
    [MemberData(nameof(Wrong))]
    public void A_wrong_policy_is_named_with_what_is_wrong(string why, ForesightPolicy? policy)
    {
        Assert.False(string.IsNullOrWhiteSpace(ForesightPolicyCheck.Problem(policy)), why);
    }
}
