namespace LogCorrelator.Diagnose.Rules;

/// <summary>The comparisons a <c>where</c> condition can make; <see cref="Exists"/> is a bare field name.</summary>
internal enum FilterOp
{
    Exists,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Contains,
}
