namespace LogCorrelator.Correlate;

/// <summary>
/// The time join with an equality key (<c>on host</c>): both sides are partitioned by key, each
/// shared partition is swept on its own, and the ranges point into the right side's partitioned
/// order. Negative keys mean "no value" and match nothing, as NULL does in SQL, so an anti-join
/// keeps a left event that has no key.
/// </summary>
internal static class KeyedIntervalJoin
{
    public static JoinRanges Join(
        ReadOnlySpan<long> leftTimes, ReadOnlySpan<int> leftKeys,
        ReadOnlySpan<long> rightTimes, ReadOnlySpan<int> rightKeys,
        TimeWindow window)
    {
        if (leftKeys.Length != leftTimes.Length || rightKeys.Length != rightTimes.Length)
            throw new ArgumentException("every time needs a key");
        int[] leftOrder = KeyOrder.Of(leftKeys);
        int[] rightOrder = KeyOrder.Of(rightKeys);
        long[] leftSorted = KeyOrder.Gather(leftTimes, leftOrder);
        long[] rightSorted = KeyOrder.Gather(rightTimes, rightOrder);

        var starts = new int[leftTimes.Length];
        var ends = new int[leftTimes.Length];
        // Scratch for one partition's ranges, before they are scattered back to original left indices.
        var partStarts = new int[leftOrder.Length];
        var partEnds = new int[leftOrder.Length];

        int i = 0, j = 0;
        int iEnd = KeyOrder.PartitionEnd(leftKeys, leftOrder, i);
        int jEnd = KeyOrder.PartitionEnd(rightKeys, rightOrder, j);
        while (i < leftOrder.Length && j < rightOrder.Length)
        {
            int leftKey = leftKeys[leftOrder[i]];
            int rightKey = rightKeys[rightOrder[j]];
            if (leftKey == rightKey)
            {
                int n = iEnd - i;
                IntervalJoin.Sweep(leftSorted.AsSpan(i, n), rightSorted.AsSpan(j, jEnd - j), window,
                    partStarts.AsSpan(0, n), partEnds.AsSpan(0, n));
                for (int k = 0; k < n; k++)
                {
                    int a = leftOrder[i + k];
                    starts[a] = j + partStarts[k];
                    ends[a] = j + partEnds[k];
                }
            }
            // Partition ends are found once per partition, so the walk stays linear.
            if (leftKey <= rightKey)
            {
                i = iEnd;
                iEnd = KeyOrder.PartitionEnd(leftKeys, leftOrder, i);
            }
            if (rightKey <= leftKey)
            {
                j = jEnd;
                jEnd = KeyOrder.PartitionEnd(rightKeys, rightOrder, j);
            }
        }
        // Left events in no shared partition keep starts[a] == ends[a] == 0: no match.
        return new JoinRanges(starts, ends, rightOrder);
    }
}
