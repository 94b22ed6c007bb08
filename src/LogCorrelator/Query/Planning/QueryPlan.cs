using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Planning;

/// <summary>
/// A checked query made executable: the left set, the answer's time range (Unix ms UTC, inclusive),
/// the conditions, and the pipes as written.
/// </summary>
internal sealed record QueryPlan(string Text, SetPlan Left, long? From, long? To, ConditionPlan? Condition, IReadOnlyList<PipeNode> Pipes)
{
    /// <summary>Whether the answer is a table of counts rather than events.</summary>
    public bool IsAggregate => Pipes.Any(p => p is CountPipeNode);
}
