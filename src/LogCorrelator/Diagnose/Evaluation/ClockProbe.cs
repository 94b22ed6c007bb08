using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// Clock sanity. A host's unexplained errors are moved by every whole quarter hour up to 14 h
/// either way (the offsets time zones have) and joined again with each anchored rule's server
/// events. An offset is reported when, moved by it, at least <see cref="MinErrors"/> and at least
/// half of the host's unexplained errors fit a rule, and the nearest of them comes within
/// <see cref="MaxNearestLagMs"/> of its event: clients fail right after a restart, a kill or a
/// failover, so a real offset shows as "every error 3600 s and a few seconds after it".
/// </summary>
internal static class ClockProbe
{
    public const long StepMs = 15 * 60_000L;
    public const int Steps = 56;
    public const int MinErrors = 3;
    public const long MaxNearestLagMs = 30_000L;

    public static IReadOnlyList<ClockShift> Find(RuleQueries queries, HostKeys keys, IReadOnlyList<Rule> rules,
        IncidentErrors errors, ISet<long> explained, ISet<string> serverHosts)
    {
        var anchored = rules.Where(r => r.IsAnchored).ToList();
        var counted = errors.Counted;
        var hostKeys = keys.Of(counted, Field.Host);
        var shifts = new List<ClockShift>();
        if (anchored.Count == 0)
            return shifts;
        foreach (var host in Enumerable.Range(0, counted.Count).Where(i => hostKeys[i] >= 0 && !explained.Contains(counted.Id[i]))
            .GroupBy(i => hostKeys[i]))
        {
            if (host.Count() < MinErrors || IsServer(queries.Store, counted.Host[host.First()], serverHosts))
                continue;
            var left = counted.Where(i => hostKeys[i] == host.Key && !explained.Contains(counted.Id[i]));
            if (Best(queries, keys, anchored, left) is { } best && best.Explained * 2 >= left.Count)
                shifts.Add(best with { HostKey = host.Key, Errors = left.Count });
        }
        return shifts;
    }

    private static bool IsServer(EventStore store, int nameId, ISet<string> serverHosts) =>
        store.Name(nameId) is { } name && serverHosts.Contains(HostNames.Canonical(name));

    private static ClockShift? Best(RuleQueries queries, HostKeys keys, List<Rule> rules, EventSet left)
    {
        // The right sides are loaded once, over the whole range any offset can reach.
        long reach = Steps * StepMs;
        var sides = rules.Select(r => (Rule: r, Right: Widened(queries, r, left, reach))).ToList();
        ClockShift? best = null;
        for (int k = -Steps; k <= Steps; k++)
        {
            if (k == 0)
                continue;
            long offset = k * StepMs;
            var moved = left.Shifted(_ => offset);
            var fits = new HashSet<long>();
            var ruleIds = new List<string>();
            long nearest = long.MaxValue;
            foreach (var (rule, right) in sides)
            {
                var match = RelationMatcher.Match(queries, keys, moved, queries.Relation(rule.Node)!, lag: rule.Lag, keyFallback: rule.KeyFallback, rightOverride: right);
                bool any = false;
                for (int a = 0; a < moved.Count; a++)
                {
                    if (!match.Matched[a])
                        continue;
                    fits.Add(moved.Id[a]);
                    any = true;
                    nearest = Math.Min(nearest, match.Related[a]!.Min(r => Math.Abs(r.LagMs)));
                }
                if (any)
                    ruleIds.Add(rule.Id);
            }
            if (fits.Count < MinErrors || nearest > MaxNearestLagMs)
                continue;
            if (best is null || fits.Count > best.Explained
                || (fits.Count == best.Explained && (nearest < best.NearestLagMs || (nearest == best.NearestLagMs && Math.Abs(offset) < Math.Abs(best.OffsetMs)))))
                best = new ClockShift(-1, offset, fits.Count, left.Count, nearest, ruleIds);
        }
        return best;
    }

    private static EventSet Widened(RuleQueries queries, Rule rule, EventSet left, long reach)
    {
        var join = queries.Relation(rule.Node)!;
        if (left.Count == 0)
            return EventSet.Empty(ColumnSet.Numbers);
        return queries.Right(join, left.Times, reach);
    }
}
