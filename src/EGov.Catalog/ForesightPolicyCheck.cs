using System.Globalization;
using EGov.Modules.Sdk;

namespace EGov.Catalog;

/// <summary>The start-up check of a module's <see cref="ForesightPolicy"/>: a wrong threshold would flag everything or nothing, silently.</summary>
public static class ForesightPolicyCheck
{
    /// <summary>What is wrong with the policy, or null.</summary>
    public static string? Problem(ForesightPolicy? policy)
    {
        if (policy is null)
        {
            return "it is null";
        }

        if (!(policy.RiskThreshold is > 0 and <= 1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"RiskThreshold {policy.RiskThreshold} must be above 0 and at most 1");
        }

        if (!(policy.RiskClearMargin > 0 && policy.RiskClearMargin <= policy.RiskThreshold))
        {
            return string.Create(CultureInfo.InvariantCulture, $"RiskClearMargin {policy.RiskClearMargin} must be above 0 and at most RiskThreshold {policy.RiskThreshold}");
        }

        if (!(policy.StepWarningFraction is > 0 and <= 1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"StepWarningFraction {policy.StepWarningFraction} must be above 0 and at most 1");
        }

        if (policy.Escalation is null)
        {
            return "Escalation is null";
        }

        var previous = -1;
        foreach (var step in policy.Escalation)
        {
            if (step is null || step.OverdueWorkingDays < 0 || step.OverdueWorkingDays > 60)
            {
                return "every escalation level needs 0 to 60 working days overdue";
            }

            if (step.OverdueWorkingDays <= previous)
            {
                return "escalation levels must be in strictly increasing order of working days overdue";
            }

            if (!Enum.IsDefined(step.Target))
            {
                return string.Create(CultureInfo.InvariantCulture, $"unknown escalation target {(int)step.Target}");
            }

            previous = step.OverdueWorkingDays;
        }

        return null;
    }
}
