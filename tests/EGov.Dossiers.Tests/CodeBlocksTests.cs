using CsCheck;
using EGov.Dossiers.Intake;

namespace EGov.Dossiers.Tests;

/// <summary>
/// Issue 16: a node hands codes out of a block it reserved from the counter row. The counter here is an in-memory
/// stand-in for the row's atomic upsert (pure logic: the real row is exercised by the multi-node intake test).
/// </summary>
public sealed class CodeBlocksTests
{
    [Fact]
    public async Task Given_several_nodes_drawing_concurrently_from_one_counter_then_every_number_is_issued_once()
    {
        var counter = new Counter();
        var nodes = Enumerable.Range(0, 3).Select(_ => new CodeBlocks()).ToArray();
        var clock = new ManualClock();

        // Two hundred concurrent draws per node, all within one "second": blocks grow and are shared by waiting callers.
        var draws = nodes.SelectMany(n => Enumerable.Range(0, 200).Select(_ => Task.Run(() => n.NextAsync(counter.ReserveAsync, clock.Now, ManualClock.Frequency, CancellationToken.None))));
        var numbers = await Task.WhenAll(draws);

        Assert.Equal(numbers.Length, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.InRange(n, 1, counter.Last));
        // Blocks grew: far fewer reservations than numbers.
        Assert.True(counter.Reservations < numbers.Length / 4, $"{counter.Reservations} reservations for {numbers.Length} numbers");
    }

    [Fact]
    public async Task Given_a_quiet_intake_then_numbers_are_reserved_one_at_a_time_in_order_without_gaps()
    {
        var counter = new Counter();
        var node = new CodeBlocks();
        var clock = new ManualClock();
        var numbers = new List<int>();
        for (var i = 0; i < 10; i++)
        {
            numbers.Add(await node.NextAsync(counter.ReserveAsync, clock.Now, ManualClock.Frequency, CancellationToken.None));
            clock.Advance(TimeSpan.FromSeconds(CodeBlocks.QuietSeconds + 1));
        }

        Assert.Equal(Enumerable.Range(1, 10), numbers);
        Assert.Equal(10, counter.Last);
        Assert.Equal(1, node.LastSize);
    }

    [Fact]
    public async Task Given_a_burst_then_blocks_double_up_to_the_maximum_and_fall_back_to_one_after_a_quiet_spell()
    {
        var counter = new Counter();
        var node = new CodeBlocks();
        var clock = new ManualClock();
        var sizes = new List<int>();
        for (var i = 0; i < 400; i++)
        {
            await node.NextAsync(counter.ReserveAsync, clock.Now, ManualClock.Frequency, CancellationToken.None);
            sizes.Add(node.LastSize);
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 64], sizes.Distinct());
        clock.Advance(TimeSpan.FromSeconds(CodeBlocks.QuietSeconds + 1));

        // What is left of the last block is used first; the next reservation is small again.
        var reservations = counter.Reservations;
        var guard = 0;
        while (counter.Reservations == reservations && guard++ <= CodeBlocks.MaxSize)
        {
            await node.NextAsync(counter.ReserveAsync, clock.Now, ManualClock.Frequency, CancellationToken.None);
        }

        Assert.Equal(reservations + 1, counter.Reservations);
        Assert.Equal(1, node.LastSize);
    }

    [Fact]
    public void The_next_size_never_leaves_one_to_the_maximum_and_only_grows_when_blocks_run_out_within_a_second()
    {
        Gen.Select(Gen.Int[0, 200], Gen.Double[0, 60], Gen.Bool).Sample((last, elapsed, first) =>
        {
            double? seconds = first ? null : elapsed;
            var next = CodeBlocks.NextSize(last, seconds);
            Assert.InRange(next, 1, CodeBlocks.MaxSize);
            if (next > Math.Max(last, 1))
            {
                Assert.True(seconds < 1);
            }

            if (seconds is null or > CodeBlocks.QuietSeconds)
            {
                Assert.Equal(1, next);
            }
        });
    }

    private sealed class Counter
    {
        private readonly Lock _lock = new();
        private readonly List<int> _reservations = [];

        public int Last { get; private set; }

        public int Reservations
        {
            get
            {
                lock (_lock)
                {
                    return _reservations.Count;
                }
            }
        }

        public async Task<int> ReserveAsync(int size)
        {
            await Task.Yield();
            lock (_lock)
            {
                _reservations.Add(size);
                Last += size;
                return Last;
            }
        }
    }

    private sealed class ManualClock
    {
        public const long Frequency = 1_000_000;
        private long _ticks = 1;

        public long Now() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, (long)(by.TotalSeconds * Frequency));
    }
}
