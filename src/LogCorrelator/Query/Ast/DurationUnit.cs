namespace LogCorrelator.Query.Ast;

internal enum DurationUnit
{
    Milliseconds,
    Seconds,
    Minutes,
    Hours,
    Days,
}
