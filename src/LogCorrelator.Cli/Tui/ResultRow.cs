namespace LogCorrelator.Cli.Tui;

/// <summary>One row of the results pane: an event of the query's left set and, for a join, what justified it.</summary>
internal sealed record ResultRow(
    long Id,
    long Time,
    string Host,
    string Kind,
    string Code,
    string Message,
    IReadOnlyList<RelatedRow> Related);
