namespace LogCorrelator.Correlate;

/// <summary>Orders one side of a keyed join by (key, index), dropping events without a key.</summary>
internal static class KeyOrder
{
    /// <summary>
    /// Indices of the events with a key (not negative), sorted by key and, within a key, by index;
    /// as the side is sorted by time, each partition comes out in time order.
    /// </summary>
    public static int[] Of(ReadOnlySpan<int> keys)
    {
        int n = 0;
        foreach (int key in keys)
        {
            if (key >= 0)
                n++;
        }
        // One composite per event, key in the high half and index in the low half, so a single
        // primitive sort does the whole partitioning without a comparer or a per-key list.
        var composite = new long[n];
        n = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] >= 0)
                composite[n++] = ((long)keys[i] << 32) | (uint)i;
        }
        Array.Sort(composite);
        var order = new int[n];
        for (int i = 0; i < n; i++)
            order[i] = (int)(composite[i] & 0xFFFF_FFFF);
        return order;
    }

    /// <summary>The values at <paramref name="order"/>, contiguous.</summary>
    public static long[] Gather(ReadOnlySpan<long> values, int[] order)
    {
        var result = new long[order.Length];
        for (int i = 0; i < order.Length; i++)
            result[i] = values[order[i]];
        return result;
    }

    /// <summary>The first position after <paramref name="start"/> whose key differs (start itself past the end).</summary>
    public static int PartitionEnd(ReadOnlySpan<int> keys, int[] order, int start)
    {
        if (start >= order.Length)
            return start;
        int key = keys[order[start]];
        int end = start + 1;
        while (end < order.Length && keys[order[end]] == key)
            end++;
        return end;
    }
}
