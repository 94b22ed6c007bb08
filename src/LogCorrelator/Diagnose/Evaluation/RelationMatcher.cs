using LogCorrelator.Correlate;
using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// Runs one relation of a rule with the join core: loads the right-hand set within the window of
/// the left events (the query loader applies its filter, the rule's <c>where</c> included), sweeps
/// (keyed when the relation has <c>on</c>), then keeps the pairs whose lag the rule accepts.
/// </summary>
internal static class RelationMatcher
{
    public static RelationMatch Match(RuleQueries queries, HostKeys keys, EventColumns left, RelationPlan join,
        LagRange? lag = null, bool keyFallback = false, EventColumns? rightOverride = null)
    {
        var matched = new bool[left.Count];
        var related = new List<Related>?[left.Count];
        if (left.Count == 0)
            return new RelationMatch(matched, related, false);
        var right = rightOverride ?? Load(queries, join, left);
        var (ranges, fallback) = Join(keys, left, right, join, keyFallback);
        for (int a = 0; a < left.Count; a++)
        {
            List<Related>? list = null;
            for (int p = ranges.Start(a); p < ranges.End(a); p++)
            {
                int b = ranges.RightIndex(p);
                long lagMs = left.Time[a] - right.Time[b];
                if (lag is { } range && !range.Contains(lagMs))
                    continue;
                (list ??= []).Add(new Related(right.Id[b], lagMs));
            }
            matched[a] = join.Negated ? list is null : list is not null;
            related[a] = join.Negated ? null : list;
        }
        return new RelationMatch(matched, related, fallback);
    }

    public static EventColumns Load(RuleQueries queries, RelationPlan join, EventColumns left)
    {
        if (left.Count == 0)
            return EventColumns.Empty;
        var ranges = RuleQueries.RightRanges(left, join);
        return queries.Load(join.Right, ranges[0].From, ranges[^1].To, ranges);
    }

    private static (JoinRanges Ranges, bool Fallback) Join(HostKeys keys, EventColumns left, EventColumns right, RelationPlan join, bool keyFallback)
    {
        if (join.LeftKey is not Field leftKey || join.RightKey is not Field rightKey)
            return (IntervalJoin.Join(left.Times, right.Times, join.Window), false);
        int[] leftKeys = keys.Of(left, leftKey);
        int[] rightKeys = keys.Of(right, rightKey);
        // When names cannot be matched at all (a KILL naming an address, app logs spelling the host
        // otherwise), a keyed join would explain nothing: time alone is the best evidence left.
        if (keyFallback && right.Count > 0 && !leftKeys.Where(k => k >= 0).Intersect(rightKeys.Where(k => k >= 0)).Any())
            return (IntervalJoin.Join(left.Times, right.Times, join.Window), true);
        return (KeyedIntervalJoin.Join(left.Times, leftKeys, right.Times, rightKeys, join.Window), false);
    }
}
