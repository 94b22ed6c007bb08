using LogCorrelator.Events;
using LogCorrelator.Query;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// A relation's matches as <see cref="QueryEngine.Run"/> returns them (the join needs both sides'
/// times in memory anyway), paged and counted in memory. Matches are in (time, id) order.
/// </summary>
internal sealed class MatchListSource : IResultSource
{
    private readonly QueryResult _result;
    private readonly long[] _times;
    private readonly long[] _ids;

    public MatchListSource(QueryResult result, string label)
    {
        _result = result;
        Label = label;
        _times = result.Matches.Select(m => m.Event.Time?.ToUnixTimeMilliseconds() ?? EventTime.None).ToArray();
        _ids = result.Matches.Select(m => m.Event.Id).ToArray();
    }

    public string Query => _result.Query;

    public string Label { get; }

    public bool CanNarrow { get; init; }

    public bool IsJoin => true;

    public long Total => _times.Length;

    public long? KnownTotal => Total;

    public (long First, long Last)? Extent => _times.Length == 0 ? null : (_times[0], _times[^1]);

    public long[] Histogram(long from, long bucketMs, int buckets)
    {
        var counts = new long[Math.Max(0, buckets)];
        long to = from + bucketMs * buckets;
        for (int i = Search(from, long.MinValue, passKey: false); i < _times.Length && _times[i] < to; i++)
            counts[(_times[i] - from) / bucketMs]++;
        return counts;
    }

    public IReadOnlyList<ResultRow> Page(long time, long id, int count, bool backward)
    {
        int from = backward ? Math.Max(0, Search(time, id, passKey: false) - count) : Search(time, id, passKey: true);
        int to = backward ? Search(time, id, passKey: false) : Math.Min(_times.Length, from + count);
        var rows = new ResultRow[Math.Max(0, to - from)];
        for (int i = from; i < to; i++)
            rows[i - from] = RowText.Row(_result.Matches[i].Event, _result.Matches[i].Related);
        return rows;
    }

    /// <summary>
    /// Binary search over the (time, id) keys: the first index whose key is greater than the given
    /// one when <paramref name="passKey"/>, else the first whose key is greater or equal.
    /// </summary>
    private int Search(long time, long id, bool passKey)
    {
        int lo = 0, hi = _times.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = _times[mid] != time ? _times[mid].CompareTo(time) : _ids[mid].CompareTo(id);
            if (c < 0 || (c == 0 && passKey))
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
