namespace LogCorrelator.Correlate;

/// <summary>
/// The sort-merge sweep: both sides sorted by time, two cursors that only move forward, so a
/// join costs O(n + m) plus whatever the caller does with the ranges.
/// </summary>
internal static class IntervalJoin
{
    /// <summary>Relates every left time to the right times inside its window.</summary>
    /// <remarks>Both spans must be sorted ascending (the store loads them so). The ranges come back as runs (see <see cref="JoinRanges"/>).</remarks>
    public static JoinRanges Join(ReadOnlySpan<long> left, ReadOnlySpan<long> right, TimeWindow window)
    {
        // At most 2m + 1 runs: every new run moves a window edge past a right event.
        int capacity = (int)Math.Min(left.Length, 2L * right.Length + 1);
        var firsts = new int[capacity];
        var starts = new int[capacity];
        var ends = new int[capacity];
        int runs = 0;
        int lo = 0, hi = 0;
        // The current run's range, kept in registers: most steps only compare against it.
        int runLo = -1, runHi = -1;
        for (int a = 0; a < left.Length; a++)
        {
            long from = left[a] - window.Before;
            long to = left[a] + window.After;
            while (lo < right.Length && right[lo] < from)
                lo++;
            if (hi < lo)
                hi = lo;
            while (hi < right.Length && right[hi] <= to)
                hi++;
            if (lo != runLo || hi != runHi)
            {
                firsts[runs] = a;
                starts[runs] = runLo = lo;
                ends[runs] = runHi = hi;
                runs++;
            }
        }
        return new JoinRanges(left.Length, firsts, starts, ends, runs);
    }

    /// <summary>
    /// Writes, for each left[a], the range [starts[a], ends[a]) of right indices with
    /// left[a] - window.Before &lt;= right[j] &lt;= left[a] + window.After.
    /// </summary>
    public static void Sweep(ReadOnlySpan<long> left, ReadOnlySpan<long> right, TimeWindow window, Span<int> starts, Span<int> ends)
    {
        if (starts.Length < left.Length || ends.Length < left.Length)
            throw new ArgumentException("the range spans are shorter than the left side");
        int lo = 0, hi = 0;
        for (int a = 0; a < left.Length; a++)
        {
            // Left is ascending, so both window edges only move right: neither cursor ever goes back.
            long from = left[a] - window.Before;
            long to = left[a] + window.After;
            while (lo < right.Length && right[lo] < from)
                lo++;
            if (hi < lo)
                hi = lo;
            while (hi < right.Length && right[hi] <= to)
                hi++;
            starts[a] = lo;
            ends[a] = hi;
        }
    }
}
