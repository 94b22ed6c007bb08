using LogCorrelator.Correlate;

namespace LogCorrelator.Tests.Correlate;

public sealed class NearestRelatedTests
{
    [Fact]
    public void Keeps_the_nearest_by_distance_and_prefers_the_earlier_on_a_tie()
    {
        // Deltas -4 -3 -2 -1 +1 +2 +3 +5 around t = 100. By |delta|, earlier first on ties:
        // -1 +1 -2 +2 -3 | +3 -4 +5, so the nearest five are 97, 98, 99, 101, 102: positions 1 to 5.
        long[] right = [96, 97, 98, 99, 101, 102, 103, 105];
        var ranges = IntervalJoin.Join([100], right, TimeWindow.Around(10));
        Assert.Equal((1, 6), NearestRelated.Of(ranges, right, 0, 100, 5));
    }

    [Fact]
    public void A_range_within_the_limit_is_kept_whole()
    {
        long[] right = [1, 50, 99];
        var ranges = IntervalJoin.Join([50], right, TimeWindow.Around(60));
        Assert.Equal((0, 3), NearestRelated.Of(ranges, right, 0, 50, 5));
    }

    [Fact]
    public void On_random_cases_no_left_out_event_is_nearer_than_a_kept_one()
    {
        for (int seed = 0; seed < 2000; seed++)
        {
            var c = RandomCase.Make(seed);
            var ranges = KeyedIntervalJoin.Join(c.Left, c.LeftKeys, c.Right, c.RightKeys, TimeWindow.Around(c.W));
            for (int a = 0; a < c.Left.Length; a++)
            {
                var (from, to) = NearestRelated.Of(ranges, c.Right, a, c.Left[a], 3);
                int count = ranges.End(a) - ranges.Start(a);
                Assert.Equal(Math.Min(3, count), to - from);
                Assert.InRange(from, ranges.Start(a), ranges.End(a));
                long Distance(int p) => Math.Abs(c.Right[ranges.RightIndex(p)] - c.Left[a]);
                long farthestKept = Enumerable.Range(from, to - from).Select(Distance).DefaultIfEmpty(0).Max();
                var leftOut = Enumerable.Range(ranges.Start(a), count).Where(p => p < from || p >= to);
                Assert.All(leftOut, p => Assert.True(Distance(p) >= farthestKept, $"seed {seed}, left {a}, position {p}"));
            }
        }
    }
}
