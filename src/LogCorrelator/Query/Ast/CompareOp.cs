namespace LogCorrelator.Query.Ast;

/// <summary>How a <c>where</c> comparison tests a field.</summary>
internal enum CompareOp
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    /// <summary><c>~</c>: a .NET regular expression, case-insensitive.</summary>
    Matches,
    /// <summary><c>in (a, b, c)</c>: equal to one of the values.</summary>
    In,
}
