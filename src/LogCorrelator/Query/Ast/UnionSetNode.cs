namespace LogCorrelator.Query.Ast;

/// <summary><c>(restart or kill or failover)</c>: an event of any member.</summary>
internal sealed record UnionSetNode(IReadOnlyList<SetNode> Members) : SetNode;
