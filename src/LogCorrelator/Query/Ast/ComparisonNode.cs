namespace LogCorrelator.Query.Ast;

/// <summary><c>host = SQLPROD01</c>, <c>port &gt;= 1433</c>, <c>message ~ "reset"</c>, <c>code in (10054, 08S01)</c>.</summary>
internal sealed record ComparisonNode(Field Field, CompareOp Op, IReadOnlyList<ValueNode> Values) : PredicateNode;
