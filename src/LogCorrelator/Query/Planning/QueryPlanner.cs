using LogCorrelator.Correlate;
using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Execution;
using LogCorrelator.Store;
using LogCorrelator.Time;

namespace LogCorrelator.Query.Planning;

/// <summary>
/// AST to plan. Each set becomes store scans with kinds and codes that block summaries decide; a <c>where</c> on a union or a saved query is pushed into each of its scans; times written
/// in the query are read in the zone given (UTC by default); <c>last</c> counts back from the newest
/// event in the store. Chained <c>and</c> conditions are ordered so the most selective runs first.
/// </summary>
internal sealed class QueryPlanner
{
    private readonly EventStore _store;
    private readonly ZoneSpec? _zone;
    private readonly FilterPlanner _filters;
    private NameIndex? _names;

    private QueryPlanner(EventStore store, ZoneSpec? zone, CancellationToken cancel)
    {
        _store = store;
        _zone = zone;
        _filters = new FilterPlanner(() => _names ??= new NameIndex(store), cancel);
    }

    /// <param name="cancel">Stops the plan's regular expressions when the run is cancelled.</param>
    public static QueryPlan Plan(EventStore store, QueryNode query, ZoneSpec? zone, CancellationToken cancel = default) =>
        new QueryPlanner(store, zone, cancel).Query(query);

    /// <summary>A right side this many times smaller than the left drives the join (see <see cref="Driver"/>).</summary>
    private const long DriveRatio = 8;

    /// <summary>Past this many right events, one range scan of the left per window costs more than one scan.</summary>
    private const long MaxDriverRows = 50_000;

    /// <summary>Chained conditions are ordered by right rows counted up to this; past it they count as equal.</summary>
    private const long MaxEstimate = 1_000_000;

    private QueryPlan Query(QueryNode query)
    {
        var (from, to) = Range(query.Range);
        var plan = new QueryPlan(QueryFormatter.Format(query), Set(query.Left, null), from, to,
            query.Condition is { } condition ? Condition(condition) : null, query.Pipes);
        return Driver(plan);
    }

    /// <summary>
    /// The join order: start from the small side. A relation that every
    /// answer must satisfy (alone, or one of the items of a top-level 'and'; never an anti-join)
    /// over few right events is loaded first; the left set is then read only around them.
    /// </summary>
    private QueryPlan Driver(QueryPlan plan)
    {
        var candidate = plan.Condition switch
        {
            RelationPlan { Negated: false } r => r,
            ConditionGroupPlan { Op: BoolOp.And } group => group.Items.OfType<RelationPlan>().FirstOrDefault(r => !r.Negated),
            _ => null,
        };
        if (candidate is null)
            return plan;
        long right = candidate.Estimate >= 0 ? candidate.Estimate : Estimator.Rows(_store, candidate.Right, limit: MaxDriverRows + 1);
        if (right > MaxDriverRows)
            return plan;
        // Counted only as far as the decision needs: at the cap, the left is big enough.
        long left = Estimator.Rows(_store, plan.Left, plan.From, plan.To, limit: right * DriveRatio + 1);
        if (right * DriveRatio >= left)
            return plan with { LeftEstimate = left };
        return plan with { Driver = candidate, DriverEstimate = right, LeftEstimate = left };
    }

    private (long? From, long? To) Range(RangeNode? range)
    {
        if (range is null)
            return (null, null);
        if (range.Last is { } last)
            return _store.NewestTime() is long newest ? (newest - last.Milliseconds, newest) : (0, -1);
        return (Utc(range.From!), range.To is { } to ? Utc(to) : null);
    }

    private long Utc(DateTimeNode time) => _zone is null ? time.LocalMs : _zone.ToUtc(time.LocalMs);

    private SetPlan Set(SetNode set, Filter? extra)
    {
        string text = QueryFormatter.Format(set);
        switch (set)
        {
            case EventSetNode named:
                return new ScanSetPlan(text, Scan(named, extra));
            case FilteredSetNode filtered:
                var where = _filters.Plan(filtered.Where);
                return Set(filtered.Set, extra is null ? where : new GroupFilter(BoolOp.And, [extra, where])) with { Text = text };
            case UnionSetNode union:
                return Union(text, union.Members.Select(m => Set(m, extra)).ToList());
            case ResolvedSetNode resolved:
                var (from, to) = Range(resolved.Query.Range);
                var inner = Set(resolved.Query.Left, extra);
                return resolved.Query.Condition is { } condition
                    ? new ConditionedSetPlan(text, inner, from, to, Condition(condition))
                    : from is null && to is null ? inner with { Text = text } : new ConditionedSetPlan(text, inner, from, to, Always);
            default:
                throw new ArgumentOutOfRangeException(nameof(set), set, "unknown set node");
        }
    }

    /// <summary>A saved query with a time range and no conditions keeps every event of its range.</summary>
    private static ConditionPlan Always { get; } = new ConditionGroupPlan("", BoolOp.And, []);

    private ScanPlan Scan(EventSetNode set, Filter? extra)
    {
        var numbers = set.Codes.Where(c => c.Number is not null).Select(c => c.Number!.Value).Distinct().ToArray();
        var states = set.Codes.Where(c => c.SqlState is not null).Select(c => c.SqlState!).Distinct().ToArray();
        Filter? filter = extra;
        if (set.Text is { } quoted)
            filter = filter is null ? new ContainsFilter(quoted.Text) : new GroupFilter(BoolOp.And, [new ContainsFilter(quoted.Text), filter]);
        return new ScanPlan(QueryFormatter.Format(set), Kind(set.Name) is EventKind kind ? [kind] : null, numbers, states, filter);
    }

    /// <summary>
    /// Members that differ only in their kind (no codes, the same filter or none) share one scan
    /// over their kinds; <c>events</c> among them makes that scan take every kind and cover them all.
    /// </summary>
    private static SetPlan Union(string text, List<SetPlan> members)
    {
        var merged = new List<SetPlan>();
        foreach (var group in members.OfType<ScanSetPlan>().Where(m => m.Scan.Codes.Count == 0 && m.Scan.SqlStates.Count == 0)
            .GroupBy(m => m.Scan.Filter, ReferenceEqualityComparer.Instance))
        {
            var scans = group.ToList();
            if (scans.Count == 1)
            {
                merged.Add(scans[0]);
                continue;
            }
            var kinds = scans.Any(s => s.Scan.Kinds is null) ? null : scans.SelectMany(s => s.Scan.Kinds!).Distinct().ToArray();
            var first = scans[0].Scan;
            merged.Add(new ScanSetPlan(string.Join(" or ", scans.Select(s => s.Text)), first with { Kinds = kinds, Text = string.Join(" or ", scans.Select(s => s.Scan.Text)) }));
        }
        if (merged.OfType<ScanSetPlan>().Any(s => s.Scan.Kinds is null && s.Scan.IsPlain))
            return new UnionSetPlan(text, [merged.OfType<ScanSetPlan>().First(s => s.Scan.Kinds is null && s.Scan.IsPlain)]);
        merged.AddRange(members.Where(m => m is not ScanSetPlan s || s.Scan.Codes.Count > 0 || s.Scan.SqlStates.Count > 0));
        return new UnionSetPlan(text, merged);
    }

    private ConditionPlan Condition(ConditionNode condition)
    {
        string text = QueryFormatter.Format(condition);
        switch (condition)
        {
            case RelationNode relation:
                long w = relation.Window.Milliseconds;
                var window = relation.Kind switch
                {
                    RelationKind.Near => TimeWindow.Around(w),
                    RelationKind.After => TimeWindow.Preceding(w),
                    _ => TimeWindow.Following(w),
                };
                return new RelationPlan(text, relation.Kind, relation.Negated, Set(relation.Right, null), window,
                    relation.Key?.Left, relation.Key?.Right, -1);
            case ConditionGroupNode group:
                var items = group.Items.Select(Condition).ToArray();
                return new ConditionGroupPlan(text, group.Op, group.Op == BoolOp.And && items.Length > 1 ? Order(items) : items);
            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition, "unknown condition node");
        }
    }

    /// <summary>
    /// The order chained <c>and</c> conditions run in: each one only looks at the left events the
    /// ones before kept. A relation that must find something (not negated) over few right events
    /// drops the most left events, so it goes first; anti-joins and groups go last; ties keep the written order.
    /// </summary>
    private ConditionPlan[] Order(ConditionPlan[] items)
    {
        var estimated = items.Select(i => i is RelationPlan r ? r with { Estimate = Estimator.Rows(_store, r.Right, limit: MaxEstimate) } : i).ToArray();
        return estimated
            .Select((item, index) => (item, index))
            .OrderBy(x => x.item is RelationPlan { Negated: false } ? 0 : x.item is RelationPlan ? 1 : 2)
            .ThenBy(x => x.item is RelationPlan r ? r.Estimate : long.MaxValue)
            .ThenBy(x => x.index)
            .Select(x => x.item)
            .ToArray();
    }

    /// <summary>The kind a set selects; null for <c>events</c>, which selects every kind.</summary>
    public static EventKind? Kind(SetName name) => name switch
    {
        SetName.Errors => EventKind.Error,
        SetName.Restart => EventKind.Restart,
        SetName.Ready => EventKind.Ready,
        SetName.Shutdown => EventKind.Shutdown,
        SetName.Kill => EventKind.Kill,
        SetName.Failover => EventKind.Failover,
        SetName.LoginFailed => EventKind.LoginFailed,
        SetName.ServerErrors => EventKind.ServerError,
        SetName.TimeWait => EventKind.TimeWait,
        SetName.Rst => EventKind.Rst,
        SetName.NetConfig => EventKind.NetConfig,
        SetName.Probe => EventKind.Probe,
        _ => null,
    };
}
