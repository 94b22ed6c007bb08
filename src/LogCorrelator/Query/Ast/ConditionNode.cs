namespace LogCorrelator.Query.Ast;

/// <summary>What a left event must satisfy: one relation, or relations combined with <c>and</c> / <c>or</c>.</summary>
internal abstract record ConditionNode : SyntaxNode;
