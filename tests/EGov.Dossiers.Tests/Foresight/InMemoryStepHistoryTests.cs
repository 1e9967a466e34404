using EGov.Dossiers.Foresight;

namespace EGov.Dossiers.Tests.Foresight;

/// <summary>The in-memory step history: the cold-start bar, the depth kept by end instant, one snapshot per change.</summary>
public sealed class InMemoryStepHistoryTests
{
    private static readonly DateTimeOffset T0 = Vn.At(2026, 3, 2, 8);

    [Fact]
    public void Fewer_samples_than_the_bar_is_no_history()
    {
        var history = new InMemoryStepHistory(depth: 10, minSamples: 3);
        history.Add("P", "check", "STP", T0, TimeSpan.FromHours(1));
        history.Add("P", "check", "STP", T0.AddHours(1), TimeSpan.FromHours(2));
        Assert.Null(history.For("P", "check", "STP"));

        history.Add("P", "check", "STP", T0.AddHours(2), TimeSpan.FromHours(3));

        Assert.Equal(3, history.For("P", "check", "STP")!.Count);
        Assert.Null(history.For("P", "check", "SXD"));
        Assert.Null(history.For("Q", "check", "STP"));
    }

    [Fact]
    public void Only_the_latest_steps_by_end_instant_are_kept_whatever_order_they_arrive_in()
    {
        var history = new InMemoryStepHistory(depth: 3, minSamples: 1);
        int[] endHours = [5, 1, 4, 2, 3, 6];
        foreach (var h in endHours)
        {
            history.Add("P", "check", "STP", T0.AddHours(h), TimeSpan.FromMinutes(h));
        }

        // Ended at hours 4, 5 and 6; their durations, shortest first.
        Assert.Equal([TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6)], history.For("P", "check", "STP")!.Sorted.ToArray());
        Assert.Equal(6, history.Added);
    }

    [Fact]
    public void The_snapshot_is_the_same_until_the_step_gets_a_new_sample()
    {
        var history = new InMemoryStepHistory(minSamples: 1);
        history.Add("P", "check", "STP", T0, TimeSpan.FromHours(1));
        var first = history.For("P", "check", "STP");

        history.Add("P", "sign", "SXD", T0, TimeSpan.FromHours(1));
        Assert.Same(first, history.For("P", "check", "STP"));

        history.Add("P", "check", "STP", T0.AddHours(1), TimeSpan.FromHours(2));
        Assert.NotSame(first, history.For("P", "check", "STP"));
    }
}
