using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Planning;

/// <summary>
/// sqlstate or message compared with text, case-insensitively (<c>=</c>, <c>!=</c>, <c>in</c>).
/// The message is not in the store, so only the sqlstate runs in SQL.
/// </summary>
internal sealed record TextFilter(Field Field, CompareOp Op, IReadOnlyList<string> Values) : Filter
{
    public override bool InSql => Field == Field.SqlState;
}
