namespace LogCorrelator.Correlate;

/// <summary>Picks the few right events closest in time to a left event, from its join range.</summary>
internal static class NearestRelated
{
    /// <summary>
    /// The positions [from, to) of the <paramref name="limit"/> events of a's range nearest to
    /// <paramref name="time"/> by |delta|. In a time-sorted range the nearest k are always
    /// contiguous around the split point, so two cursors walking outwards find them in O(log n + k).
    /// A tie between an earlier and a later event goes to the earlier one: a cause precedes its effect.
    /// </summary>
    public static (int From, int To) Of(JoinRanges ranges, ReadOnlySpan<long> rightTimes, int a, long time, int limit)
    {
        int start = ranges.Start(a), end = ranges.End(a);
        if (end - start <= limit)
            return (start, end);
        int split = FirstAtOrAfter(ranges, rightTimes, start, end, time);
        int lo = split, hi = split;
        while (hi - lo < limit)
        {
            if (lo == start)
                hi++;
            else if (hi == end)
                lo--;
            else
            {
                long before = time - rightTimes[ranges.RightIndex(lo - 1)];
                long after = rightTimes[ranges.RightIndex(hi)] - time;
                if (before <= after)
                    lo--;
                else
                    hi++;
            }
        }
        return (lo, hi);
    }

    private static int FirstAtOrAfter(JoinRanges ranges, ReadOnlySpan<long> rightTimes, int start, int end, long time)
    {
        while (start < end)
        {
            int mid = start + ((end - start) >> 1);
            if (rightTimes[ranges.RightIndex(mid)] < time)
                start = mid + 1;
            else
                end = mid;
        }
        return start;
    }
}
