namespace LogCorrelator.Query.Syntax;

/// <summary>One item of "expected ..." as the user reads it: <c>near</c>, <c>a duration like 5m</c>, <c>','</c>.</summary>
internal readonly record struct Expectation(string Text, ExpectationKind Kind);
