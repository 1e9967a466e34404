using System.Globalization;

namespace EGov.Benchmarks;

/// <summary>
/// One goal of issue 16 judged against a measured value. <see cref="AtLeast"/> goals are met when the value is at
/// least the target, the others when it is at most the target; a value that was not measured (NaN) is neither met
/// nor failed, it is reported as not measured, so a skipped phase can never pass a goal.
/// </summary>
public sealed record Goal(string Name, double Target, bool AtLeast, double Measured, string Unit)
{
    public bool Measurable => !double.IsNaN(Measured) && !double.IsInfinity(Measured);

    public bool Met => Measurable && (AtLeast ? Measured >= Target : Measured <= Target);

    public string Verdict => !Measurable ? "not measured" : Met ? "met" : "not met";

    public string TargetText => (AtLeast ? "≥ " : "≤ ") + Format(Target) + Unit;

    public string MeasuredText => Measurable ? Format(Measured) + Unit : "n/a";

    /// <summary>Whole numbers as such (1500, 30), the rest to two or three significant places (28.4, 0.25).</summary>
    private static string Format(double value) =>
        value.ToString(Math.Abs(value) >= 100 || value == Math.Round(value) ? "0" : Math.Abs(value) >= 1 ? "0.0#" : "0.0##", CultureInfo.InvariantCulture);
}

/// <summary>The measured figures the goals need; NaN for whatever the run did not measure.</summary>
public sealed record GoalInputs(
    double IntakePerSecond,
    double IntakeP99Ms,
    double IntakeFloorPerSecond,
    double HostCpuMsPerIntake,
    double LookupPerSecond,
    double LookupP99Ms,
    double LookupFloorPerSecond,
    double CompleteStepPerSecond,
    double ReadySeconds,
    double FirstRequestsOver100Ms);

/// <summary>Issue 16's goals, in the order the issue lists them.</summary>
public static class Goals
{
    public static IReadOnlyList<Goal> Judge(GoalInputs m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return
        [
            new("Desk intake throughput", 1500, AtLeast: true, m.IntakePerSecond, "/s"),
            new("Desk intake p99", 30, AtLeast: false, m.IntakeP99Ms, " ms"),
            new("Desk intake / floor", 0.25, AtLeast: true, Ratio(m.IntakePerSecond, m.IntakeFloorPerSecond), "x"),
            new("Host CPU per intake", 0.6, AtLeast: false, m.HostCpuMsPerIntake, " ms"),
            new("Public lookup throughput", 10_000, AtLeast: true, m.LookupPerSecond, "/s"),
            new("Public lookup p99", 5, AtLeast: false, m.LookupP99Ms, " ms"),
            new("Public lookup / floor", 0.23, AtLeast: true, Ratio(m.LookupPerSecond, m.LookupFloorPerSecond), "x"),
            new("complete-step on a warm grain", 1000, AtLeast: true, m.CompleteStepPerSecond, "/s"),
            new("Host ready after start", 3, AtLeast: false, m.ReadySeconds, " s"),
            new("First requests over 100 ms", 0, AtLeast: false, m.FirstRequestsOver100Ms, string.Empty),
        ];
    }

    /// <summary>host / floor; NaN when either is missing or the floor is zero.</summary>
    public static double Ratio(double host, double floor) =>
        double.IsNaN(host) || double.IsNaN(floor) || floor <= 0 ? double.NaN : host / floor;
}
