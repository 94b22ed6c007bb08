using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Query.Execution;
using LogCorrelator.Query.Planning;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// <c>requires:</c> runs the requirement's query over the whole store exactly as <c>logcorr query</c>
/// would (its <c>where</c> is part of that query), keeps the rows <c>host: server</c> accepts, and
/// returns their ids (none: the rule cannot fire).
/// </summary>
internal static class RequirementCheck
{
    public static IReadOnlyList<long> Rows(RuleQueries queries, Requirement requirement, ISet<string> serverHosts)
    {
        var plan = queries.Plan(requirement.Node);
        var result = QueryExecutor.Execute(queries.Store, plan, requirement.Query);
        return result.Matches
            .Select(m => m.Event)
            .Where(e => !requirement.OnServer || (e.Host is not null && serverHosts.Contains(HostNames.Canonical(e.Host))))
            .Select(e => e.Id)
            .ToList();
    }
}
