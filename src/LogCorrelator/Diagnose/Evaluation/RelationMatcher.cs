using LogCorrelator.Correlate;
using LogCorrelator.Query.Execution;
using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// Runs one relation of a rule through the query executor's relation step (<see cref="RelationStep"/>:
/// the right set loaded within the times the left events reach, its filter and the rule's <c>where</c>
/// applied, then the join core, keyed when the relation has <c>on</c>), and keeps the pairs whose lag
/// the rule accepts. What a rule adds to the query: lag ranges, and time alone when no name matches.
/// </summary>
internal static class RelationMatcher
{
    public static RelationMatch Match(RuleQueries queries, HostKeys keys, EventSet left, RelationPlan join,
        LagRange? lag = null, bool keyFallback = false, EventSet? rightOverride = null)
    {
        var matched = new bool[left.Count];
        var related = new List<Related>?[left.Count];
        if (left.Count == 0)
            return new RelationMatch(matched, related, false);
        var right = rightOverride ?? queries.Right(join, left.Times);
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

    private static (JoinRanges Ranges, bool Fallback) Join(HostKeys keys, EventSet left, EventSet right, RelationPlan join, bool keyFallback)
    {
        if (join.LeftKey is not Field leftKey || join.RightKey is not Field rightKey)
            return (RelationStep.Join(join, left.Times, null, right, null), false);
        int[] leftKeys = keys.Of(left, leftKey);
        int[] rightKeys = keys.Of(right, rightKey);
        // When names cannot be matched at all (a KILL naming an address, app logs spelling the host
        // otherwise), a keyed join would explain nothing: time alone is the best evidence left.
        if (keyFallback && right.Count > 0 && !leftKeys.Where(k => k >= 0).Intersect(rightKeys.Where(k => k >= 0)).Any())
            return (RelationStep.Join(join, left.Times, null, right, null), true);
        return (RelationStep.Join(join, left.Times, leftKeys, right, rightKeys), false);
    }
}
