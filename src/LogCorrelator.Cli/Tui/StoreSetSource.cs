using LogCorrelator.Store;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// A plain set (<c>errors 10054</c>, <c>restart</c>, <c>events</c>) paged straight from the store:
/// keyset pages over the (kind, t) index, texts resolved for the visible rows only, and the
/// histogram counted in SQL. Memory stays one screen whatever the store's size.
/// </summary>
internal sealed class StoreSetSource : IResultSource
{
    private readonly EventStore _store;
    private readonly EventBrowser _browser;
    private readonly EventScan _scan;
    /// <summary>-1 until counted; a histogram on a worker may set it while the UI thread reads it.</summary>
    private long _total = -1;

    public StoreSetSource(EventStore store, EventScan scan, string query)
    {
        _store = store;
        _browser = new EventBrowser(store);
        _scan = scan;
        Query = query;
        Extent = _browser.Extent(scan);
    }

    public string Query { get; }

    public string Label => Query;

    public bool CanNarrow { get; init; }

    public bool IsJoin => false;

    /// <summary>Counting walks the index range: a histogram covering the whole extent (the first one does) gives it for free.</summary>
    public long Total
    {
        get
        {
            if (KnownTotal is { } known)
                return known;
            long counted = _browser.Count(_scan);
            Volatile.Write(ref _total, counted);
            return counted;
        }
    }

    public long? KnownTotal => Volatile.Read(ref _total) is >= 0 and var total ? total : null;

    public (long First, long Last)? Extent { get; }

    public long[] Histogram(long from, long bucketMs, int buckets)
    {
        var counts = _browser.Histogram(_scan, from, bucketMs, buckets);
        if (KnownTotal is null && Extent is { } e && from <= e.First && e.Last < from + bucketMs * buckets)
            Volatile.Write(ref _total, counts.Sum());
        return counts;
    }

    public IReadOnlyList<ResultRow> Page(long time, long id, int count, bool backward)
    {
        var refs = _browser.Page(_scan, new EventRef(time, id, default), count, backward);
        var events = _store.Resolve(refs.Select(r => r.Id).ToArray());
        return events.Select(e => RowText.Row(e, [])).ToArray();
    }
}
