using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Execution;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// A rule's queries run on the query engine's own planner and loader: each checked query is planned
/// once per store (the planner reads the store's names and row counts), and a set is loaded with
/// the columns the diagnosis joins and groups on, as <see cref="EventColumns"/> for the join core.
/// Filters, unions and saved queries in a rule mean exactly what they mean in <c>logcorr query</c>.
/// </summary>
internal sealed class RuleQueries
{
    private const ColumnSet Columns = ColumnSet.Kind | ColumnSet.Code | ColumnSet.Host | ColumnSet.Peer | ColumnSet.Spid;

    private readonly SetLoader _loader;
    private readonly Dictionary<QueryNode, QueryPlan> _plans = new(ReferenceEqualityComparer.Instance);

    public RuleQueries(EventStore store)
    {
        Store = store;
        _loader = new SetLoader(store, new MessageTexts(store));
    }

    public EventStore Store { get; }

    public QueryPlan Plan(QueryNode query)
    {
        if (!_plans.TryGetValue(query, out var plan))
            _plans[query] = plan = QueryPlanner.Plan(Store, query, null);
        return plan;
    }

    /// <summary>The query's relation (the rule loader allows one at most); null when it has none.</summary>
    public RelationPlan? Relation(QueryNode query) => Plan(query).Condition as RelationPlan;

    /// <summary>The events of a set between two times (inclusive; null: unbounded), sorted by (time, id).</summary>
    public EventColumns Load(SetPlan set, long? from, long? to, IReadOnlyList<(long From, long To)>? ranges = null)
    {
        // Events without a time have no place in a rule: every rule relates times.
        var loaded = _loader.Load(set, Columns, from ?? EventTime.None + 1, to, ranges);
        var columns = new EventColumns(Math.Max(loaded.Count, 1));
        for (int i = 0; i < loaded.Count; i++)
        {
            columns.Add(loaded.Id[i], loaded.Time[i], (Events.EventKind)loaded.Kind[i], loaded.Code[i],
                loaded.Host[i], loaded.Peer[i], loaded.Spid[i]);
        }
        return columns;
    }

    /// <summary>
    /// The right side only needs the times some left event can reach: the windows around the left
    /// events, merged where they overlap.
    /// </summary>
    public static List<(long From, long To)> RightRanges(EventColumns left, RelationPlan relation) =>
        TimeRanges.Around(left.Times, relation.Window.Before, relation.Window.After);
}
