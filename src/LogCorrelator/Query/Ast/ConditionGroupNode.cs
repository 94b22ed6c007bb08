namespace LogCorrelator.Query.Ast;

/// <summary>Chained conditions: <c>after kill within 30s and not near restart within 5m</c>.</summary>
internal sealed record ConditionGroupNode(BoolOp Op, IReadOnlyList<ConditionNode> Items) : ConditionNode;
