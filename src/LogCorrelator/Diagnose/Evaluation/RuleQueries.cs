using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Execution;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// A rule's queries run on the query engine's own planner and loader: each checked query is planned
/// once per store (the planner reads the store's names and row counts), and a set is loaded with
/// the columns the diagnosis joins and groups on.
/// Filters, unions and saved queries in a rule mean exactly what they mean in <c>logcorr query</c>.
/// </summary>
internal sealed class RuleQueries
{
    private const ColumnSet Columns = ColumnSet.Numbers;

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

    /// <summary>The events of a set between two times (inclusive; null: unbounded), sorted by (time, id), as the executor loads them.</summary>
    public EventSet Load(SetPlan set, long? from, long? to, IReadOnlyList<(long From, long To)>? ranges = null) =>
        // Events without a time have no place in a rule: every rule relates times.
        _loader.Load(set, Columns, from ?? EventTime.None + 1, to, ranges);

    /// <summary>
    /// A relation's right set for left events at <paramref name="leftTimes"/>, loaded as the query
    /// executor loads it (<see cref="RelationStep.LoadRight"/>); <paramref name="widenMs"/> widens the windows.
    /// </summary>
    public EventSet Right(RelationPlan relation, ReadOnlySpan<long> leftTimes, long widenMs = 0) =>
        RelationStep.LoadRight(_loader, relation, leftTimes, Columns, widenMs);
}
