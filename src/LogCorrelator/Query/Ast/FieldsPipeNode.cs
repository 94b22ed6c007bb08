namespace LogCorrelator.Query.Ast;

/// <summary><c>| fields F1, F2</c>: show only these fields, as a table.</summary>
internal sealed record FieldsPipeNode(IReadOnlyList<Field> Fields) : PipeNode;
