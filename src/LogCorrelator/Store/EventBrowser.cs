using LogCorrelator.Events;
using LogCorrelator.Store.Blocks;

namespace LogCorrelator.Store;

/// <summary>
/// Reads the store a screen at a time for browsing (the TUI): time extent, counts, a histogram and
/// keyset pages, from the blocks a scan admits. Counts and time ranges come from the blocks'
/// summaries (each kind's count and span) where they tell; only blocks straddling an edge of the range
/// or of a histogram bucket, or asked by code, are decoded.
/// </summary>
internal sealed class EventBrowser(EventStore store, BlockScanStats? stats = null)
{
    /// <summary>The first and last time the scan selects, or null when it selects nothing.</summary>
    public (long First, long Last)? Extent(EventScan scan)
    {
        // The extent is of times: events without one (text that carried none) are not on the timeline.
        var filter = Filter(scan, scan.From is long f ? Math.Max(f, EventTime.None + 1) : EventTime.None + 1, scan.To);
        long? first = null, last = null;
        foreach (var b in store.BlockSummaries)
        {
            if (!filter.Admits(b))
                continue;
            if (filter.TryCount(b, out int n, out long from, out long to))
            {
                if (n > 0)
                {
                    first = Min(first, from);
                    last = Max(last, to);
                }
                continue;
            }
            var block = store.Block(b, stats);
            for (int i = 0; i < block.Count; i++)
            {
                if (filter.Matches(block, i))
                {
                    first = Min(first, block.Time[i]);
                    last = Max(last, block.Time[i]);
                }
            }
        }
        return first is long x && last is long y ? (x, y) : null;
    }

    public long Count(EventScan scan) => store.Count(Filter(scan, scan.From, scan.To), stats: stats);

    /// <summary>Events per bucket: <c>result[i]</c> counts the times in [from + i·bucket, from + (i+1)·bucket).</summary>
    public long[] Histogram(EventScan scan, long from, long bucketMs, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bucketMs);
        var counts = new long[Math.Max(buckets, 0)];
        long to = from + counts.Length * bucketMs - 1;
        var filter = Filter(scan, Math.Max(from, scan.From ?? long.MinValue), Math.Min(to, scan.To ?? long.MaxValue));
        long[] times = [];
        EventKind[] kinds = [];
        foreach (var b in store.BlockSummaries)
        {
            if (!filter.Admits(b))
                continue;
            if (filter.TryCount(b, out int n, out long first, out long last) && (n == 0 || (first - from) / bucketMs == (last - from) / bucketMs))
            {
                if (n > 0)
                    counts[(first - from) / bucketMs] += n;
                continue;
            }
            if (filter.ByCode)
            {
                var block = store.Block(b, stats);
                for (int i = 0; i < block.Count; i++)
                {
                    if (filter.Matches(block, i))
                        counts[(block.Time[i] - from) / bucketMs]++;
                }
                continue;
            }
            // Kinds and times decide the rest: decode only those.
            if (times.Length < b.Count)
                (times, kinds) = (new long[b.Count], new EventKind[b.Count]);
            store.Times(b, times, kinds, stats);
            for (int i = 0; i < b.Count; i++)
            {
                if (filter.Matches(times[i], kinds[i]))
                    counts[(times[i] - from) / bucketMs]++;
            }
        }
        return counts;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> events strictly after <paramref name="key"/> (or strictly
    /// before it when <paramref name="backward"/>), returned in time order either way.
    /// </summary>
    public IReadOnlyList<EventRef> Page(EventScan scan, EventRef key, int limit, bool backward = false)
    {
        var all = new List<EventRef>();
        if (limit <= 0)
            return all;
        var filter = backward ? Filter(scan, scan.From, Math.Min(key.Time, scan.To ?? long.MaxValue)) : Filter(scan, Math.Max(key.Time, scan.From ?? long.MinValue), scan.To);
        var blocks = store.BlockSummaries.Where(filter.Admits).ToList();
        // Blocks nearest the key first; once `limit` events are held, a block that starts (ends)
        // beyond the limit-th cannot contribute.
        if (backward)
            blocks.Sort((a, b) => b.Last.CompareTo(a.Last));
        else
            blocks.Sort((a, b) => a.First.CompareTo(b.First));
        foreach (var b in blocks)
        {
            if (all.Count >= limit)
            {
                var edge = all[backward ? all.Count - limit : limit - 1];
                if (backward ? b.Last < edge.Time : b.First > edge.Time)
                    break;
            }
            var block = store.Block(b, stats);
            for (int i = 0; i < block.Count; i++)
            {
                if (!filter.Matches(block, i))
                    continue;
                var e = new EventRef(block.Time[i], block.Id[i], block.Kind[i]);
                int c = Compare(e, key);
                if (backward ? c < 0 : c > 0)
                    all.Add(e);
            }
            all.Sort(Compare);
            if (all.Count > limit)
                all.RemoveRange(backward ? 0 : limit, all.Count - limit);
        }
        return all;
    }

    /// <summary>Where an event's entry is in its source file, or null for an unknown id.</summary>
    public EventLocation? Locate(long id)
    {
        if (store.Find(id) is not var (block, i) || store.SourceById(EventIds.Source(id)) is not { } source)
            return null;
        return new EventLocation(source, block.Offset[i], block.Length[i], block.Line[i]);
    }

    private static int Compare(EventRef a, EventRef b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Id.CompareTo(b.Id);

    private static BlockFilter Filter(EventScan scan, long? from, long? to) => new(scan.Kinds, scan.Codes, scan.SqlStates, from, to);

    private static long? Min(long? a, long b) => a is long x ? Math.Min(x, b) : b;

    private static long? Max(long? a, long b) => a is long x ? Math.Max(x, b) : b;
}
