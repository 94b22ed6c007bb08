namespace LogCorrelator.Query.Ast;

/// <summary><c>| first N</c> or <c>| last N</c>.</summary>
internal sealed record TakePipeNode(bool FromEnd, int Count) : PipeNode;
