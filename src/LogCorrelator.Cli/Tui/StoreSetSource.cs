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
    private readonly Lazy<long> _total;

    public StoreSetSource(EventStore store, EventScan scan, string query)
    {
        _store = store;
        _browser = new EventBrowser(store);
        _scan = scan;
        Query = query;
        Extent = _browser.Extent(scan);
        // Counting walks the index range: deferred until the title first needs it.
        _total = new Lazy<long>(() => _browser.Count(scan));
    }

    public string Query { get; }

    public string Label => Query;

    public bool IsJoin => false;

    public long Total => _total.Value;

    public (long First, long Last)? Extent { get; }

    public long[] Histogram(long from, long bucketMs, int buckets) => _browser.Histogram(_scan, from, bucketMs, buckets);

    public IReadOnlyList<ResultRow> Page(long time, long id, int count, bool backward)
    {
        var refs = _browser.Page(_scan, new EventRef(time, id, default), count, backward);
        var events = _store.Resolve(refs.Select(r => r.Id).ToArray());
        return events.Select(e => RowText.Row(e, [])).ToArray();
    }
}
