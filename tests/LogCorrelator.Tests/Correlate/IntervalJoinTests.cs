using LogCorrelator.Correlate;

namespace LogCorrelator.Tests.Correlate;

public sealed class IntervalJoinTests
{
    private const int Cases = 3000;

    [Fact]
    public void Many_left_events_against_few_right_ones_store_a_run_per_edge_crossing()
    {
        // 100,000 left times one second apart; right events at 10,000 s, 10,001 s and 50,000 s; w = 100 s.
        var left = Enumerable.Range(0, 100_000).Select(i => i * 1000L).ToArray();
        long[] right = [10_000_000, 10_001_000, 50_000_000];
        var starts = new int[left.Length];
        var ends = new int[left.Length];
        IntervalJoin.Sweep(left, right, TimeWindow.Around(100_000), starts, ends);

        var ranges = IntervalJoin.Join(left, right, TimeWindow.Around(100_000));

        // Runs: none before 9,900 s; the first right from 9,900 s; both from 9,901 s; only the second
        // after 10,100 s; none after 10,101 s; the third from 49,900 s to 50,100 s; none after.
        Assert.Equal(7, ranges.Stored);
        var random = new Random(5);
        foreach (int a in Enumerable.Range(0, 2000).Select(_ => random.Next(left.Length)).Concat(Enumerable.Range(0, left.Length)))
            Assert.Equal((starts[a], ends[a]), (ranges.Start(a), ranges.End(a)));
    }

    [Fact]
    public void Near_takes_both_edges_of_the_window()
    {
        // Right times 5..15 around left 10 with w = 3: 7 and 13 sit exactly on the edges.
        long[] left = [10];
        long[] right = [5, 6, 7, 8, 10, 13, 14, 15];
        var ranges = IntervalJoin.Join(left, right, TimeWindow.Around(3));
        Assert.Equal([2, 3, 4, 5], NestedLoopJoin.FromRanges(ranges, 0));
    }

    [Fact]
    public void After_looks_back_only_and_before_looks_ahead_only()
    {
        long[] left = [100];
        long[] right = [90, 95, 100, 105, 110];
        Assert.Equal([1, 2], NestedLoopJoin.FromRanges(IntervalJoin.Join(left, right, TimeWindow.Preceding(5)), 0));
        Assert.Equal([2, 3], NestedLoopJoin.FromRanges(IntervalJoin.Join(left, right, TimeWindow.Following(5)), 0));
    }

    [Fact]
    public void A_zero_window_matches_equal_times_only()
    {
        long[] left = [1, 2, 2, 3];
        long[] right = [2, 2, 4];
        var ranges = IntervalJoin.Join(left, right, TimeWindow.Around(0));
        Assert.False(ranges.HasMatch(0));
        Assert.Equal([0, 1], NestedLoopJoin.FromRanges(ranges, 1));
        Assert.Equal([0, 1], NestedLoopJoin.FromRanges(ranges, 2));
        Assert.False(ranges.HasMatch(3));
    }

    [Fact]
    public void An_empty_side_gives_no_matches()
    {
        var noRight = IntervalJoin.Join([1, 2, 3], [], TimeWindow.Around(10));
        Assert.Equal(3, noRight.Count);
        Assert.All(Enumerable.Range(0, 3), a => Assert.False(noRight.HasMatch(a)));
        Assert.Equal(0, IntervalJoin.Join([], [1, 2], TimeWindow.Around(10)).Count);
    }

    [Theory]
    [InlineData("near")]
    [InlineData("after")]
    [InlineData("before")]
    public void The_sweep_agrees_with_the_nested_loop_on_random_cases(string relation)
    {
        for (int seed = 0; seed < Cases; seed++)
        {
            var c = RandomCase.Make(seed);
            var window = RandomCase.Window(relation, c.W);
            var ranges = IntervalJoin.Join(c.Left, c.Right, window);
            for (int a = 0; a < c.Left.Length; a++)
            {
                var expected = NestedLoopJoin.Related(c.Left, null, c.Right, null, window, a);
                var actual = NestedLoopJoin.FromRanges(ranges, a);
                Assert.True(expected.SequenceEqual(actual), $"seed {seed}, {relation}, left {a}: [{string.Join(",", actual)}] vs [{string.Join(",", expected)}]");
            }
        }
    }

    [Theory]
    [InlineData("near")]
    [InlineData("after")]
    [InlineData("before")]
    public void The_anti_join_keeps_exactly_the_left_events_the_nested_loop_finds_alone(string relation)
    {
        for (int seed = 0; seed < Cases; seed++)
        {
            var c = RandomCase.Make(seed);
            var window = RandomCase.Window(relation, c.W);
            var ranges = IntervalJoin.Join(c.Left, c.Right, window);
            var expected = Enumerable.Range(0, c.Left.Length)
                .Where(a => NestedLoopJoin.Related(c.Left, null, c.Right, null, window, a).Count == 0);
            var actual = Enumerable.Range(0, c.Left.Length).Where(a => !ranges.HasMatch(a));
            Assert.True(expected.SequenceEqual(actual), $"seed {seed}, not {relation}");
        }
    }
}
