namespace LogCorrelator.Query.Ast;

/// <summary>How much of a time was written, so it is written back the same way.</summary>
internal enum DateTimePrecision
{
    Day,
    Minute,
    Second,
    Millisecond,
}
