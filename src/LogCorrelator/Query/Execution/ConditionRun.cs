using LogCorrelator.Events;
using LogCorrelator.Correlate;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// Evaluates conditions over a loaded left set: each relation loads its right set within the
/// times the left events it looks at can reach, and runs the join core. Remembers what held for
/// which event, so the events shown can be given the right events that justified them.
/// </summary>
internal sealed class ConditionRun
{
    private readonly SetLoader _loader;
    private readonly CancellationToken _cancel;
    private readonly Dictionary<ConditionPlan, bool[]> _holds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ConditionPlan, Outcome> _outcomes = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<RelationPlan, EventSet> _preloaded = new(ReferenceEqualityComparer.Instance);
    private EventSet _left = EventSet.Empty(ColumnSet.None);

    public ConditionRun(SetLoader loader, CancellationToken cancel = default)
    {
        _loader = loader;
        _cancel = cancel;
    }

    /// <summary>Whether the condition holds, per row of <paramref name="left"/>.</summary>
    public bool[] Evaluate(ConditionPlan plan, EventSet left)
    {
        _left = left;
        var all = new int[left.Count];
        for (int i = 0; i < all.Length; i++)
            all[i] = i;
        return Evaluate(plan, all);
    }

    /// <summary>
    /// A relation's right set loaded before the left (the plan's driver), over at least every time
    /// the left events can reach: the join uses it instead of loading it again.
    /// </summary>
    public void Preload(RelationPlan relation, EventSet right) => _preloaded[relation] = right;

    /// <summary>The columns the left side must load for the keys of the relations.</summary>
    public static ColumnSet LeftColumns(ConditionPlan plan) => plan switch
    {
        RelationPlan { LeftKey: { } key } => SetLoader.ColumnOf(key),
        ConditionGroupPlan group => group.Items.Aggregate(ColumnSet.None, (c, i) => c | LeftColumns(i)),
        _ => ColumnSet.None,
    };

    /// <summary>
    /// The right events that justify left row <paramref name="a"/>: from each relation that must
    /// find something and did, on a branch that held, the <paramref name="limit"/> nearest in time.
    /// </summary>
    public List<(EventSet Set, int Index)> Related(ConditionPlan plan, int a, int limit)
    {
        var related = new List<(EventSet Set, int Index)>();
        Collect(plan, a, limit, related);
        return related;
    }

    private bool[] Evaluate(ConditionPlan plan, int[] alive) => plan switch
    {
        RelationPlan relation => Relation(relation, alive),
        ConditionGroupPlan { Op: BoolOp.And } group => And(group, alive),
        ConditionGroupPlan group => Or(group, alive),
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan, "unknown condition plan"),
    };

    private bool[] And(ConditionGroupPlan group, int[] alive)
    {
        // Each item only looks at the events the ones before it kept (the planner put the most selective first).
        foreach (var item in group.Items)
        {
            var holds = Evaluate(item, alive);
            alive = alive.Where(i => holds[i]).ToArray();
        }
        return Remember(group, alive);
    }

    private bool[] Or(ConditionGroupPlan group, int[] alive)
    {
        var any = new bool[_left.Count];
        foreach (var item in group.Items)
        {
            var holds = Evaluate(item, alive);
            foreach (int i in alive)
                any[i] |= holds[i];
        }
        _holds[group] = any;
        return any;
    }

    private bool[] Relation(RelationPlan relation, int[] alive)
    {
        _cancel.ThrowIfCancellationRequested();
        var holds = new bool[_left.Count];
        _holds[relation] = holds;
        // An event without a time is in no window, and so not "far from" one either: no relation holds for
        // it. The set is sorted by time, so those events lead it.
        int timed = 0;
        while (timed < alive.Length && _left.Time[alive[timed]] == EventTime.None)
            timed++;
        if (timed > 0)
            alive = alive[timed..];
        if (alive.Length == 0)
            return holds;
        var times = new long[alive.Length];
        for (int k = 0; k < alive.Length; k++)
            times[k] = _left.Time[alive[k]];
        var right = _preloaded.TryGetValue(relation, out var preloaded)
            ? preloaded
            : RelationStep.LoadRight(_loader, relation, times, ColumnSet.None);
        int[]? leftKeys = null, rightKeys = null;
        if (relation.LeftKey is { } leftKey && relation.RightKey is { } rightKey)
        {
            var keys = new JoinKeys(_loader.Store);
            var allLeft = keys.Of(_left, leftKey);
            leftKeys = new int[alive.Length];
            for (int k = 0; k < alive.Length; k++)
                leftKeys[k] = allLeft[alive[k]];
            rightKeys = keys.Of(right, rightKey);
        }
        var ranges = RelationStep.Join(relation, times, leftKeys, right, rightKeys);
        for (int k = 0; k < alive.Length; k++)
            holds[alive[k]] = ranges.HasMatch(k) != relation.Negated;
        if (!relation.Negated)
            _outcomes[relation] = new Outcome(alive, right, ranges);
        return holds;
    }

    private bool[] Remember(ConditionPlan plan, int[] kept)
    {
        var holds = new bool[_left.Count];
        foreach (int i in kept)
            holds[i] = true;
        _holds[plan] = holds;
        return holds;
    }

    private void Collect(ConditionPlan plan, int a, int limit, List<(EventSet Set, int Index)> related)
    {
        if (!_holds.TryGetValue(plan, out var holds) || !holds[a])
            return;
        switch (plan)
        {
            case RelationPlan relation when _outcomes.TryGetValue(relation, out var outcome):
                int k = Array.BinarySearch(outcome.Alive, a);
                var (from, to) = NearestRelated.Of(outcome.Ranges, outcome.Right.Times, k, _left.Time[a], limit);
                for (int p = from; p < to; p++)
                    related.Add((outcome.Right, outcome.Ranges.RightIndex(p)));
                break;
            case ConditionGroupPlan group:
                foreach (var item in group.Items)
                    Collect(item, a, limit, related);
                break;
        }
    }

    /// <summary>What a relation that must find something found: the left rows it looked at (ascending), the right set, the ranges.</summary>
    private sealed record Outcome(int[] Alive, EventSet Right, JoinRanges Ranges);
}
