namespace LogCorrelator.Query.Ast;

/// <summary><c>| sort FIELD [asc|desc]</c>; after <c>| count</c>, <c>count</c> names the counts.</summary>
internal sealed record SortPipeNode(Field Field, bool Descending) : PipeNode;
