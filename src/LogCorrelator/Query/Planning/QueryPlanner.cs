using LogCorrelator.Correlate;
using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Planning;

/// <summary>AST to plan: each set becomes store scans (kinds and codes pushed down to SQL), the relation a window.</summary>
internal static class QueryPlanner
{
    public static QueryPlan Plan(QueryNode query) =>
        new(QueryFormatter.Format(query), Set(query.Left), query.Relation is { } relation ? Join(relation) : null);

    private static JoinPlan Join(RelationNode relation)
    {
        long w = relation.Window.Milliseconds;
        var window = relation.Kind switch
        {
            RelationKind.Near => TimeWindow.Around(w),
            RelationKind.After => TimeWindow.Preceding(w),
            _ => TimeWindow.Following(w),
        };
        return new JoinPlan(relation.Kind, relation.Negated, Set(relation.Right), relation.Window, window, relation.Key);
    }

    private static SetPlan Set(SetNode set) => set switch
    {
        EventSetNode named => new SetPlan(QueryFormatter.Format(named), [Scan(named)]),
        UnionSetNode union => new SetPlan(QueryFormatter.Format(union), UnionScans(union)),
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, "unknown set node"),
    };

    private static EventScan Scan(EventSetNode set)
    {
        var numbers = set.Codes.Where(c => c.Number is not null).Select(c => c.Number!.Value).Distinct().ToArray();
        var states = set.Codes.Where(c => c.SqlState is not null).Select(c => c.SqlState!).Distinct().ToArray();
        return new EventScan
        {
            Kinds = Kind(set.Name) is EventKind kind ? [kind] : null,
            Codes = numbers.Length > 0 ? numbers : null,
            SqlStates = states.Length > 0 ? states : null,
        };
    }

    /// <summary>
    /// Members without codes share one scan over their kinds; a member with codes needs its own,
    /// since a scan's codes apply to all its kinds.
    /// </summary>
    private static EventScan[] UnionScans(UnionSetNode union)
    {
        var plain = union.Members.Where(m => m.Codes.Count == 0).ToList();
        if (plain.Any(m => m.Name == SetName.Events))
            return [new EventScan()];
        var scans = new List<EventScan>();
        if (plain.Count > 0)
            scans.Add(new EventScan { Kinds = plain.Select(m => Kind(m.Name)!.Value).Distinct().ToArray() });
        scans.AddRange(union.Members.Where(m => m.Codes.Count > 0).Select(Scan));
        return [.. scans];
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
