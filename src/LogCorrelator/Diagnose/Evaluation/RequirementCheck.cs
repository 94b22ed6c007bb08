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
    public static IReadOnlyList<long> Rows(RuleQueries queries, Requirement requirement, ISet<string> serverHosts) =>
        Captures(queries, requirement, serverHosts).Select(c => c.Id).ToList();

    /// <summary>The rows with their times; <see cref="Capture.Dated"/> when the file states the time (not mtime or <c>--at</c>).</summary>
    public static IReadOnlyList<Capture> Captures(RuleQueries queries, Requirement requirement, ISet<string> serverHosts)
    {
        var plan = queries.Plan(requirement.Node);
        var result = QueryExecutor.Execute(queries.Store, plan, requirement.Query);
        var assumed = queries.Store.Sources().Where(s => s.TimeNote is not null).Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        return result.Matches
            .Select(m => m.Event)
            .Where(e => !requirement.OnServer || (e.Host is not null && serverHosts.Contains(HostNames.Canonical(e.Host))))
            .Select(e => new Capture(e.Id, e.Time?.ToUnixTimeMilliseconds(), e.Time is not null && !assumed.Contains(e.SourcePath)))
            .ToList();
    }

    /// <summary>
    /// For each error time, whether a row covers it: a standing fact covers every error, a dated capture those
    /// within <see cref="Requirement.HoldsMs"/> of it. Also the nearest dated capture, for the account of one it misses.
    /// </summary>
    public static (bool Covered, Related? Nearest) Covers(IReadOnlyList<Capture> captures, long? holdsMs, long errorTime)
    {
        if (holdsMs is not long holds || captures.Any(c => !c.Dated))
            return (captures.Count > 0, null);
        var nearest = captures.MinBy(c => Math.Abs(errorTime - c.Time!.Value));
        if (nearest is null)
            return (false, null);
        long lag = errorTime - nearest.Time!.Value;
        return (Math.Abs(lag) <= holds, new Related(nearest.Id, lag));
    }

    internal sealed record Capture(long Id, long? Time, bool Dated);
}
