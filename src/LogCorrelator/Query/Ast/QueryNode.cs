namespace LogCorrelator.Query.Ast;

/// <summary>A whole query: a set, an optional time range, optional conditions, then pipes.</summary>
internal sealed record QueryNode(SetNode Left, RangeNode? Range, ConditionNode? Condition, IReadOnlyList<PipeNode> Pipes) : SyntaxNode
{
    /// <summary>The condition when it is a single relation (the first cut's whole grammar).</summary>
    public RelationNode? Relation => Condition as RelationNode;
}
