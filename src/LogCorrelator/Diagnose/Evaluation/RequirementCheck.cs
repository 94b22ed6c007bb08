using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// <c>requires:</c> runs the requirement's query over the whole store, keeps the rows its
/// <c>where</c> and <c>host: server</c> accept, and returns their ids (none: the rule cannot fire).
/// </summary>
internal static class RequirementCheck
{
    public static IReadOnlyList<long> Rows(EventStore store, HostKeys keys, Requirement requirement, ISet<string> serverHosts)
    {
        var left = QueryExecutor.LoadSet(store, requirement.Plan.Left, null, null);
        if (requirement.Plan.Join is { } join)
        {
            var match = RelationMatcher.Match(store, keys, left, join);
            left = ColumnSets.Where(left, i => match.Matched[i]);
        }
        if (left.Count == 0)
            return [];
        var resolved = store.Resolve(left.Id.AsSpan(0, left.Count).ToArray());
        return resolved
            .Where(e => requirement.Where?.Matches(e) != false)
            .Where(e => !requirement.OnServer || (e.Host is not null && serverHosts.Contains(HostKeys.Canonical(e.Host))))
            .Select(e => e.Id)
            .ToList();
    }
}
