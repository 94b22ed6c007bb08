using LogCorrelator.Correlate;
using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Query.Ast;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// For every error nothing explains, what each rule came nearest to: the closest right-hand event
/// of its relation (looked for well beyond the rule's window, so the report can say "the nearest
/// restart was 12 min earlier") or, for a quiet rule, the line that broke the silence. The errors go
/// in time order, <see cref="ChunkSize"/> at a time, each chunk with one load of what its windows
/// reach: memory is bounded by a chunk's windows, not by how many errors there are, and each block
/// is decoded about once, since consecutive chunks' windows barely overlap.
/// </summary>
internal static class MissDetails
{
    /// <summary>Errors per load; sized so a chunk's windows stay a small part of a long incident.</summary>
    public const int ChunkSize = 256;

    /// <summary>How far the search reaches: a dozen windows, at least 15 min, at most 6 h.</summary>
    public static long ReachMs(TimeWindow window) =>
        Math.Clamp(12 * Math.Max(window.Before, window.After), 15 * 60_000L, 6 * 3_600_000L);

    public static Dictionary<(string Rule, long Error), Candidate> Find(RuleQueries queries, HostKeys keys,
        IReadOnlyList<RuleOutcome> outcomes, IncidentErrors errors, ISet<long> unexplained)
    {
        var found = new Dictionary<(string, long), Candidate>();
        var counted = errors.Counted;
        var hostKeys = keys.Of(counted, Field.Host);
        foreach (var outcome in outcomes)
        {
            var rule = outcome.Rule;
            bool Missed(int i, MissStep step) => unexplained.Contains(counted.Id[i])
                && outcome.Misses.TryGetValue(counted.Id[i], out var m) && m.Step == step;
            if (queries.Relation(rule.Node) is { } join)
            {
                foreach (var chunk in Chunks(counted.Where(i => Missed(i, MissStep.Relation))))
                    Nearest(queries, keys, rule, join, chunk, found);
            }
            if (rule.Quiet is { } quiet)
            {
                foreach (var chunk in Chunks(counted.Where(i => hostKeys[i] >= 0 && Missed(i, MissStep.Quiet))))
                    LastLines(queries, keys, rule, quiet, chunk, found);
            }
        }
        return found;
    }

    /// <summary>The errors (time-sorted, as the counted errors are) in consecutive runs of <see cref="ChunkSize"/>.</summary>
    private static IEnumerable<EventSet> Chunks(EventSet errors)
    {
        for (int from = 0; from < errors.Count; from += ChunkSize)
        {
            int to = Math.Min(errors.Count, from + ChunkSize);
            yield return errors.Where(i => i >= from && i < to);
        }
    }

    /// <summary>
    /// A quiet rule's miss: the host's database activity inside the silence it needs, so its last activity
    /// before the settle gap is within <c>quiet</c> of the error. One load of those windows for the whole chunk.
    /// </summary>
    private static void LastLines(RuleQueries queries, HostKeys keys, Rule rule, QuietWindow quiet, EventSet left,
        Dictionary<(string, long), Candidate> found)
    {
        var activity = DatabaseActivity.BuiltIn;
        var before = new long[left.Count];
        var floor = new long[left.Count];
        for (int a = 0; a < left.Count; a++)
            (before[a], floor[a]) = (left.Time[a] - quiet.SettleMs, left.Time[a] - quiet.QuietMs);
        var leftKeys = keys.Of(left, Field.Host);
        var scan = new ActivityScan(queries.Store, activity, keys, QuietCheck.Load(queries.Store, left.Times, quiet.QuietMs));
        var newest = scan.Newest(leftKeys, before, floor);
        for (int a = 0; a < left.Count; a++)
        {
            // None within the window (a line exactly quiet before, at the inclusive edge): the longer look back finds it.
            var last = newest[a] >= 0
                ? new Related(scan.Lines.Id[newest[a]], left.Time[a] - scan.Lines.Time[newest[a]])
                : QuietCheck.LastBefore(queries.Store, keys, activity, leftKeys[a], before[a], left.Time[a]);
            found[(rule.Id, left.Id[a])] = new Candidate(last.EventId > 0 ? last : null, true, QuietCheck.LookBackMs);
        }
    }

    /// <summary>The first index whose time is at least <paramref name="t"/>.</summary>
    private static int LowerBound(long[] times, int count, long t)
    {
        int i = Array.BinarySearch(times, 0, count, t);
        i = i < 0 ? ~i : i;
        while (i > 0 && times[i - 1] >= t)
            i--;
        return i;
    }

    private static void Nearest(RuleQueries queries, HostKeys keys, Rule rule, Query.Planning.RelationPlan join, EventSet left,
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
            for (int b = LowerBound(right.Time, right.Count, t - reach); b < right.Count && right.Time[b] <= t + reach; b++)
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
