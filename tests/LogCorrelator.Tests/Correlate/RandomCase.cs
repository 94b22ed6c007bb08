using LogCorrelator.Correlate;

namespace LogCorrelator.Tests.Correlate;

/// <summary>
/// A seeded random join input: few distinct times (so duplicates, equal times on both sides and
/// times exactly at ±w are common), sides of 0 to 24 events, windows from 0 up.
/// </summary>
internal sealed record RandomCase(long[] Left, int[] LeftKeys, long[] Right, int[] RightKeys, long W)
{
    public static RandomCase Make(int seed)
    {
        var random = new Random(seed);
        int span = random.Next(1, 40);
        long[] Times(int n)
        {
            var times = new long[n];
            for (int i = 0; i < n; i++)
                times[i] = 1_709_600_000_000 + random.Next(span);
            Array.Sort(times);
            return times;
        }
        // Key -1 is "no value"; a few keys so partitions are shared, missing on one side, or empty.
        int[] Keys(int n) => Enumerable.Range(0, n).Select(_ => random.Next(-1, 4)).ToArray();
        var left = Times(random.Next(0, 25));
        var right = Times(random.Next(0, 25));
        long w = random.Next(4) == 0 ? 0 : random.Next(0, span / 2 + 2);
        return new RandomCase(left, Keys(left.Length), right, Keys(right.Length), w);
    }

    public static TimeWindow Window(string relation, long w) => relation switch
    {
        "near" => TimeWindow.Around(w),
        "after" => TimeWindow.Preceding(w),
        _ => TimeWindow.Following(w),
    };
}
