namespace LogCorrelator.Query.Ast;

/// <summary><c>on host</c> (same field both sides) or <c>on host = peer</c> (left field = right field).</summary>
internal sealed record JoinKeyNode(Field Left, Field Right) : SyntaxNode;
