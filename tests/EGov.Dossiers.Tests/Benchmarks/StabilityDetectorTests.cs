using EGov.Benchmarks;

namespace EGov.Dossiers.Tests.Benchmarks;

/// <summary>
/// The load benchmark measures only after its warm-up says throughput is stable: a detector that called a climbing
/// JIT warm-up stable would bring back issue 16's 289/s figure, one that never did would always run to the cap.
/// </summary>
public sealed class StabilityDetectorTests
{
    private static readonly StabilityDetector Detector = new(Windows: 3, Tolerance: 0.05);

    [Fact]
    public void Three_windows_within_five_percent_of_their_mean_are_stable()
    {
        Assert.True(Detector.IsStable([289, 450, 580, 590, 600]));
        Assert.InRange(Detector.Spread([289, 450, 580, 590, 600]), 0.0338, 0.0340); // (600 - 580) / 590
    }

    [Fact]
    public void A_climbing_warm_up_is_not_stable()
    {
        Assert.False(Detector.IsStable([289, 400, 480, 561]));
        Assert.False(Detector.IsStable([500, 540, 590]));
    }

    [Fact]
    public void Too_few_windows_are_not_stable_and_have_no_spread()
    {
        Assert.False(Detector.IsStable([600, 600]));
        Assert.True(double.IsNaN(Detector.Spread([600, 600])));
    }

    [Fact]
    public void A_phase_doing_nothing_is_never_stable()
    {
        Assert.False(Detector.IsStable([0, 0, 0]));
    }

    [Fact]
    public void Only_the_last_windows_count()
    {
        // An early dip (a GC, a checkpoint) does not keep a settled phase warming up for ever.
        Assert.True(Detector.IsStable([600, 100, 600, 610, 605]));
        Assert.False(Detector.IsStable([600, 610, 605, 100]));
    }
}
