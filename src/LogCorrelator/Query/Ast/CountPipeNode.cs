namespace LogCorrelator.Query.Ast;

/// <summary><c>| count [by FIELD, ...] [per DURATION]</c>: a table of counts; with <c>per</c>, a time histogram.</summary>
internal sealed record CountPipeNode(IReadOnlyList<Field> By, DurationNode? Per) : PipeNode;
