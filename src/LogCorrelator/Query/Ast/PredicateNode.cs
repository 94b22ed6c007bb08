namespace LogCorrelator.Query.Ast;

/// <summary>A <c>where</c> filter: comparisons combined with <c>and</c>, <c>or</c>, <c>not</c> and parentheses.</summary>
internal abstract record PredicateNode : SyntaxNode;
