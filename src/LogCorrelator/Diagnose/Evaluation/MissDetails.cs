using LogCorrelator.Correlate;
using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Query.Ast;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// For the errors nothing explains, what each rule came nearest to: the closest right-hand event
/// of its relation (looked for well beyond the rule's window, so the report can say "the nearest
/// restart was 12 min earlier") or, for a quiet rule, the line that broke the silence. Only done
/// for the first <see cref="MaxErrors"/> unexplained errors: a long account is read one error at a time.
/// </summary>
internal static class MissDetails
{
    public const int MaxErrors = 200;

    /// <summary>How far the search reaches: a dozen windows, at least 15 min, at most 6 h.</summary>
    public static long ReachMs(TimeWindow window) =>
        Math.Clamp(12 * Math.Max(window.Before, window.After), 15 * 60_000L, 6 * 3_600_000L);

    public static Dictionary<(string Rule, long Error), Candidate> Find(RuleQueries queries, HostKeys keys,
        IReadOnlyList<RuleOutcome> outcomes, IncidentErrors errors, ISet<long> unexplained)
    {
        var found = new Dictionary<(string, long), Candidate>();
        var counted = errors.Counted;
        var chosen = Enumerable.Range(0, counted.Count).Where(i => unexplained.Contains(counted.Id[i])).Take(MaxErrors).ToHashSet();
        foreach (var outcome in outcomes)
        {
            var rule = outcome.Rule;
            var relationMisses = ColumnSets.Where(counted, i => chosen.Contains(i) && outcome.Misses.TryGetValue(counted.Id[i], out var m) && m.Step == MissStep.Relation);
            if (relationMisses.Count > 0 && queries.Relation(rule.Node) is { } join)
                Nearest(queries, keys, rule, join, relationMisses, found);
            if (rule.Quiet is { } quiet)
            {
                var hostKeys = keys.Of(counted, Field.Host);
                foreach (int i in chosen.Where(i => outcome.Misses.TryGetValue(counted.Id[i], out var m) && m.Step == MissStep.Quiet && hostKeys[i] >= 0))
                {
                    var last = QuietCheck.LastBefore(queries.Store, keys, hostKeys[i], counted.Time[i] - quiet.SettleMs, counted.Time[i]);
                    found[(rule.Id, counted.Id[i])] = new Candidate(last.EventId > 0 ? last : null, true, QuietCheck.LookBackMs);
                }
            }
        }
        return found;
    }

    private static void Nearest(RuleQueries queries, HostKeys keys, Rule rule, Query.Planning.RelationPlan join, EventColumns left,
        Dictionary<(string, long), Candidate> found)
    {
        long reach = ReachMs(join.Window);
        var ranges = TimeRanges.Around(left.Times, reach, reach);
        var right = queries.Load(join.Right, ranges[0].From, ranges[^1].To, ranges);
        int[]? leftKeys = join.LeftKey is Field lk ? keys.Of(left, lk) : null;
        int[]? rightKeys = join.RightKey is Field rk ? keys.Of(right, rk) : null;
        for (int a = 0; a < left.Count; a++)
        {
            long t = left.Time[a];
            Related? best = null, bestAny = null;
            long bestScore = long.MaxValue, bestAnyScore = long.MaxValue;
            int start = Array.BinarySearch(right.Time, 0, right.Count, t - reach);
            start = start < 0 ? ~start : start;
            while (start > 0 && right.Time[start - 1] >= t - reach)
                start--;
            for (int b = start; b < right.Count && right.Time[b] <= t + reach; b++)
            {
                long lag = t - right.Time[b];
                if (right.Id[b] == left.Id[a])
                    continue;
                long score = Score(rule.Lag, lag);
                if (score < bestAnyScore)
                    (bestAny, bestAnyScore) = (new Related(right.Id[b], lag), score);
                bool same = leftKeys is null || (leftKeys[a] >= 0 && leftKeys[a] == rightKeys![b]);
                if (same && score < bestScore)
                    (best, bestScore) = (new Related(right.Id[b], lag), score);
            }
            found[(rule.Id, left.Id[a])] = best is not null ? new Candidate(best, true, reach) : new Candidate(bestAny, bestAny is null, reach);
        }
    }

    /// <summary>How far a lag is from what the rule accepts: from the lag range when it has one, else from 0.</summary>
    private static long Score(LagRange? lag, long lagMs) => lag is { } r
        ? (lagMs < r.MinMs ? r.MinMs - lagMs : lagMs > r.MaxMs ? lagMs - r.MaxMs : 0)
        : Math.Abs(lagMs);
}
