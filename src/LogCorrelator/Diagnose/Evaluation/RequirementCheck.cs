using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Query.Execution;
using LogCorrelator.Query.Planning;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// <c>requires:</c> runs the requirement's query over the whole store exactly as <c>logcorr query</c>
/// would (any conditions the language has), keeps the rows its <c>where</c> and <c>host: server</c>
/// accept, and returns their ids (none: the rule cannot fire).
/// </summary>
internal static class RequirementCheck
{
    public static IReadOnlyList<long> Rows(RuleQueries queries, Requirement requirement, ISet<string> serverHosts)
    {
        var plan = queries.Plan(requirement.Node);
        var result = QueryExecutor.Execute(queries.Store, plan, requirement.Query);
        return result.Matches
            .Select(m => m.Event)
            .Where(e => requirement.Where?.Matches(e) != false)
            .Where(e => !requirement.OnServer || (e.Host is not null && serverHosts.Contains(HostNames.Canonical(e.Host))))
            .Select(e => e.Id)
            .ToList();
    }
}
