using LogCorrelator.Correlate;

namespace LogCorrelator.Tests.Correlate;

/// <summary>The obvious O(n·m) definition the sweep must agree with: every pair, tested directly.</summary>
internal static class NestedLoopJoin
{
    public static List<int> Related(long[] left, int[]? leftKeys, long[] right, int[]? rightKeys, TimeWindow window, int a)
    {
        var related = new List<int>();
        for (int j = 0; j < right.Length; j++)
        {
            bool inWindow = right[j] >= left[a] - window.Before && right[j] <= left[a] + window.After;
            bool keyed = leftKeys is null
                || (leftKeys[a] >= 0 && rightKeys![j] >= 0 && leftKeys[a] == rightKeys[j]);
            if (inWindow && keyed)
                related.Add(j);
        }
        return related;
    }

    public static List<int> FromRanges(JoinRanges ranges, int a)
    {
        var related = new List<int>();
        for (int p = ranges.Start(a); p < ranges.End(a); p++)
            related.Add(ranges.RightIndex(p));
        return related;
    }
}
