namespace LogCorrelator.Query.Ast;

/// <summary>How the items of a group combine, in filters and in chained conditions.</summary>
internal enum BoolOp
{
    And,
    Or,
}
