namespace LogCorrelator.Query.Ast;

/// <summary><c>SET where FILTER</c>: the events of the set the filter keeps.</summary>
internal sealed record FilteredSetNode(SetNode Set, PredicateNode Where) : SetNode;
