namespace LogCorrelator.Query.Ast;

/// <summary><c>@unexplained</c>: the events a saved query returns, used as a set.</summary>
internal sealed record ReferenceSetNode(string Name) : SetNode;
