using LogCorrelator.Correlate;

namespace LogCorrelator.Tests.Correlate;

public sealed class KeyedIntervalJoinTests
{
    private const int Cases = 3000;

    [Fact]
    public void Only_events_with_the_same_key_are_related()
    {
        // Left: host 1 at t=10, host 2 at t=10, no host at t=10. Right: host 2 at 9, host 1 at 11, host 1 at 30.
        long[] left = [10, 10, 10];
        int[] leftKeys = [1, 2, -1];
        long[] right = [9, 11, 30];
        int[] rightKeys = [2, 1, 1];
        var ranges = KeyedIntervalJoin.Join(left, leftKeys, right, rightKeys, TimeWindow.Around(5));
        Assert.Equal([1], NestedLoopJoin.FromRanges(ranges, 0));
        Assert.Equal([0], NestedLoopJoin.FromRanges(ranges, 1));
        Assert.False(ranges.HasMatch(2));
    }

    [Fact]
    public void A_key_on_one_side_only_matches_nothing()
    {
        var ranges = KeyedIntervalJoin.Join([1, 2], [3, 3], [1, 2], [4, -1], TimeWindow.Around(100));
        Assert.False(ranges.HasMatch(0));
        Assert.False(ranges.HasMatch(1));
    }

    [Fact]
    public void Partitions_come_back_in_time_order()
    {
        long[] right = [1, 2, 3, 4, 5, 6];
        int[] rightKeys = [7, 3, 7, 3, 7, 3];
        var ranges = KeyedIntervalJoin.Join([4], [7], right, rightKeys, TimeWindow.Around(10));
        Assert.Equal([0, 2, 4], NestedLoopJoin.FromRanges(ranges, 0));
    }

    [Theory]
    [InlineData("near")]
    [InlineData("after")]
    [InlineData("before")]
    public void The_keyed_sweep_agrees_with_the_nested_loop_on_random_cases(string relation)
    {
        for (int seed = 0; seed < Cases; seed++)
        {
            var c = RandomCase.Make(seed);
            var window = RandomCase.Window(relation, c.W);
            var ranges = KeyedIntervalJoin.Join(c.Left, c.LeftKeys, c.Right, c.RightKeys, window);
            Assert.Equal(c.Left.Length, ranges.Count);
            for (int a = 0; a < c.Left.Length; a++)
            {
                var expected = NestedLoopJoin.Related(c.Left, c.LeftKeys, c.Right, c.RightKeys, window, a);
                var actual = NestedLoopJoin.FromRanges(ranges, a);
                Assert.True(expected.SequenceEqual(actual), $"seed {seed}, {relation}, left {a}: [{string.Join(",", actual)}] vs [{string.Join(",", expected)}]");
                Assert.Equal(expected.Count == 0, !ranges.HasMatch(a));
            }
        }
    }
}
