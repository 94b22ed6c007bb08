using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Planning;

/// <summary>
/// A checked query made executable: the left set, the answer's time range (Unix ms UTC, inclusive),
/// the conditions, and the pipes as written.
/// </summary>
internal sealed record QueryPlan(string Text, SetPlan Left, long? From, long? To, ConditionPlan? Condition, IReadOnlyList<PipeNode> Pipes)
{
    /// <summary>
    /// A relation every answer event must satisfy whose right side is much smaller than the left:
    /// it is loaded first, and the left set is scanned only within the windows around its events.
    /// Null when the left side is scanned whole.
    /// </summary>
    public RelationPlan? Driver { get; init; }

    /// <summary>The estimate of the driver's right rows.</summary>
    public long DriverEstimate { get; init; } = -1;

    /// <summary>The planner's estimate of the left set's rows (before filters on loaded rows); -1 when not estimated.</summary>
    public long LeftEstimate { get; init; } = -1;

    /// <summary>Whether the answer is a table of counts rather than events.</summary>
    public bool IsAggregate => Pipes.Any(p => p is CountPipeNode);
}
