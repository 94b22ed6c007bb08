namespace LogCorrelator.Query.Ast;

/// <summary>An event set: one named set, or a union of them.</summary>
internal abstract record SetNode : SyntaxNode;
