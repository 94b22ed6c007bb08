using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Planning;

/// <summary>
/// sqlstate or message compared with text, case-insensitively (<c>=</c>, <c>!=</c>, <c>in</c>).
/// The message is not in the store: it is read from the file for the rows still standing.
/// </summary>
internal sealed record TextFilter(Field Field, CompareOp Op, IReadOnlyList<string> Values) : Filter;
