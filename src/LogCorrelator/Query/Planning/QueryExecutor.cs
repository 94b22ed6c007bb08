using LogCorrelator.Correlate;
using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Planning;

/// <summary>Runs a plan: store scans, the join core over the time arrays, then one resolve of the events shown.</summary>
internal static class QueryExecutor
{
    /// <summary>
    /// Related events kept per match: the nearest by |delta|. A dense right side (thousands of
    /// TIME_WAIT samples around one error) would otherwise swamp every output; the nearest few are
    /// the evidence, and a match stays a match however many more there are.
    /// </summary>
    public const int RelatedLimit = 5;

    public static QueryResult Execute(EventStore store, QueryPlan plan, string text)
    {
        // The join reads times and ids only (and the key's name ids): 16 bytes an event, not 33.
        var left = LoadSet(store, plan.Left, null, null, KeyFields(plan.Join?.Key?.Left));
        var picks = new List<(int Left, int From, int To)>();
        EventColumns right = EventColumns.Empty;
        JoinRanges? ranges = null;
        if (plan.Join is null)
        {
            for (int a = 0; a < left.Count; a++)
                picks.Add((a, 0, 0));
        }
        else if (left.Count > 0)
        {
            (right, ranges) = Join(store, plan.Join, left);
            for (int a = 0; a < left.Count; a++)
            {
                if (ranges.HasMatch(a) == plan.Join.Negated)
                    continue;
                var (from, to) = plan.Join.Negated ? (0, 0)
                    : NearestRelated.Of(ranges, right.Times, a, left.Time[a], RelatedLimit);
                picks.Add((a, from, to));
            }
        }
        var events = Resolve(store, picks, left, right, ranges);
        var matches = new QueryMatch[picks.Count];
        for (int m = 0; m < picks.Count; m++)
        {
            var (a, from, to) = picks[m];
            var related = new RelatedEvent[to - from];
            for (int p = from; p < to; p++)
            {
                int b = ranges!.RightIndex(p);
                related[p - from] = new RelatedEvent(events[right.Id[b]], (right.Time[b] - left.Time[a]) / 1000.0);
            }
            matches[m] = new QueryMatch(events[left.Id[a]], related);
        }
        return new QueryResult(text, matches);
    }

    /// <summary>Loads a set; several scans (a union) are merged into one time-sorted side.</summary>
    public static EventColumns LoadSet(EventStore store, SetPlan set, long? from, long? to, EventFields fields = EventFields.All)
    {
        EventColumns? result = null;
        foreach (var scan in set.Scans)
        {
            var loaded = store.Load(scan with { From = from ?? scan.From, To = to ?? scan.To, Fields = fields });
            result = result is null ? loaded : ColumnsUnion.Merge(result, loaded);
        }
        return result ?? EventColumns.Empty;
    }

    /// <summary>
    /// The right side only needs the times some left event can reach: from the first left time
    /// minus the window to the last plus it. Pushed down to the scan, this keeps a query about a
    /// ten-minute incident from loading a month of events.
    /// </summary>
    public static (long From, long To) RightBounds(EventColumns left, TimeWindow window) =>
        (left.Time[0] - window.Before, left.Time[left.Count - 1] + window.After);

    private static (EventColumns Right, JoinRanges Ranges) Join(EventStore store, JoinPlan join, EventColumns left)
    {
        var (from, to) = RightBounds(left, join.Window);
        var right = LoadSet(store, join.Right, from, to, KeyFields(join.Key?.Right));
        if (join.Key is null)
            return (right, IntervalJoin.Join(left.Times, right.Times, join.Window));
        var keys = new HostKeys(store);
        return (right, KeyedIntervalJoin.Join(
            left.Times, keys.Of(left, join.Key.Left),
            right.Times, keys.Of(right, join.Key.Right),
            join.Window));
    }

    private static EventFields KeyFields(KeyField? key) => key switch
    {
        KeyField.Host => EventFields.Host,
        KeyField.Peer => EventFields.Peer,
        _ => EventFields.None,
    };

    /// <summary>Reads every event shown, each distinct one once, in one pass over the store.</summary>
    private static Dictionary<long, StoredEvent> Resolve(
        EventStore store, List<(int Left, int From, int To)> picks, EventColumns left, EventColumns right, JoinRanges? ranges)
    {
        var ids = new List<long>();
        var seen = new HashSet<long>();
        foreach (var (a, from, to) in picks)
        {
            if (seen.Add(left.Id[a]))
                ids.Add(left.Id[a]);
            for (int p = from; p < to; p++)
            {
                long id = right.Id[ranges!.RightIndex(p)];
                if (seen.Add(id))
                    ids.Add(id);
            }
        }
        var resolved = store.Resolve(ids);
        var byId = new Dictionary<long, StoredEvent>(resolved.Count);
        foreach (var e in resolved)
            byId[e.Id] = e;
        return byId;
    }
}
