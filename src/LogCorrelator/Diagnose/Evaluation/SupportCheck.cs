using LogCorrelator.Events;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// <c>also:</c> supporting lines (17832 in ERRORLOG beside a backlog overflow). Each query's left
/// set is searched near the rule's explained errors: a right-hand <c>errors</c> means those errors,
/// not every error in the store.
/// </summary>
internal static class SupportCheck
{
    public const int Limit = 3;

    public static IReadOnlyList<long> Rows(EventStore store, HostKeys keys, QueryPlan plan, EventColumns explained)
    {
        if (explained.Count == 0)
            return [];
        if (plan.Join is not { } join)
        {
            var all = QueryExecutor.LoadSet(store, plan.Left, explained.Time[0], explained.Time[explained.Count - 1]);
            return all.Id.AsSpan(0, Math.Min(all.Count, Limit)).ToArray();
        }
        // Left is the supporting set: load it around the errors, widened by the window both ways.
        long w = Math.Max(join.Window.Before, join.Window.After);
        var left = QueryExecutor.LoadSet(store, plan.Left, explained.Time[0] - w, explained.Time[explained.Count - 1] + w);
        bool rightIsErrors = join.Right.Scans.All(s => s.Kinds is [EventKind.Error]);
        var match = RelationMatcher.Match(store, keys, left, join, rightOverride: rightIsErrors ? explained : null);
        var ids = new List<long>();
        for (int i = 0; i < left.Count && ids.Count < Limit; i++)
        {
            if (match.Matched[i])
                ids.Add(left.Id[i]);
        }
        return ids;
    }
}
