namespace LogCorrelator.Query.Ast;

/// <summary>A step after <c>|</c> that reshapes the answer: count, first, last, sort, fields.</summary>
internal abstract record PipeNode : SyntaxNode;
