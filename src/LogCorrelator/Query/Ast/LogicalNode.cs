namespace LogCorrelator.Query.Ast;

/// <summary>Two or more filters joined by one of <c>and</c> / <c>or</c>.</summary>
internal sealed record LogicalNode(BoolOp Op, IReadOnlyList<PredicateNode> Items) : PredicateNode;
