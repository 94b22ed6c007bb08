namespace LogCorrelator.Store;

/// <summary>Sorted, disjoint inclusive time ranges: the windows a join can reach, read as few block passes.</summary>
internal static class TimeRanges
{
    /// <summary>The ranges [t - before, t + after] around sorted times, overlapping ones merged.</summary>
    public static List<(long From, long To)> Around(ReadOnlySpan<long> times, long before, long after)
    {
        var ranges = new List<(long From, long To)>();
        foreach (long t in times)
        {
            long from = t - before, to = t + after;
            if (ranges.Count > 0 && from <= ranges[^1].To + 1)
                ranges[^1] = (ranges[^1].From, Math.Max(ranges[^1].To, to));
            else
                ranges.Add((from, to));
        }
        return ranges;
    }

    /// <summary>Whether [from, to] meets one of the sorted, disjoint ranges.</summary>
    public static bool Overlaps(IReadOnlyList<(long From, long To)> ranges, long from, long to)
    {
        int lo = 0, hi = ranges.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ranges[mid].To < from)
                lo = mid + 1;
            else if (ranges[mid].From > to)
                hi = mid - 1;
            else
                return true;
        }
        return false;
    }
}
