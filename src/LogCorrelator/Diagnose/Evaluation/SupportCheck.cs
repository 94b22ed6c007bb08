using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
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

    public static IReadOnlyList<long> Rows(RuleQueries queries, HostKeys keys, QueryNode query, EventSet explained)
    {
        if (explained.Count == 0)
            return [];
        var plan = queries.Plan(query);
        if (queries.Relation(query) is not { } join)
        {
            var all = queries.Load(plan.Left, explained.Time[0], explained.Time[explained.Count - 1]);
            return all.Id.AsSpan(0, Math.Min(all.Count, Limit)).ToArray();
        }
        // Left is the supporting set: load it around the errors, widened by the window both ways.
        long w = Math.Max(join.Window.Before, join.Window.After);
        var left = queries.Load(plan.Left, explained.Time[0] - w, explained.Time[explained.Count - 1] + w);
        bool rightIsErrors = query.Relation is { } relation && SetKinds.All(relation.Right, k => k == EventKind.Error);
        var match = RelationMatcher.Match(queries, keys, left, join, rightOverride: rightIsErrors ? explained : null);
        var ids = new List<long>();
        for (int i = 0; i < left.Count && ids.Count < Limit; i++)
        {
            if (match.Matched[i])
                ids.Add(left.Id[i]);
        }
        return ids;
    }
}
