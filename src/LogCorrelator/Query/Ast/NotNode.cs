namespace LogCorrelator.Query.Ast;

/// <summary><c>not FILTER</c>.</summary>
internal sealed record NotNode(PredicateNode Item) : PredicateNode;
