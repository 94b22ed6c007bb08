namespace LogCorrelator.Query.Ast;

/// <summary>An event set: a named set, a union, a filtered set or a saved query's events.</summary>
internal abstract record SetNode : SyntaxNode;
