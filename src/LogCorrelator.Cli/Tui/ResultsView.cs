namespace LogCorrelator.Cli.Tui;

/// <summary>What the results pane shows: the visible rows, which one is selected, and the query's total.</summary>
internal sealed record ResultsView(string Query, IReadOnlyList<ResultRow> Rows, int Selected, long Total, bool IsJoin);
